using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Money;

namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>An alert as a scan found it: the rule's alert, how urgent it is, and the usual range it left (baselines only).</summary>
public sealed record JudgedAlert(Alert Alert, AlertSeverity Severity, UsualRange? Usual = null)
{
    public bool FromBaseline => Usual is not null;
}

/// <summary>
/// One campaign's alerts in a scan: against its own usual range when it has the history for one (<see cref="BaselineCheck"/>),
/// the fixed <see cref="AlertRules"/> as the floor when it has not. Pure.
/// </summary>
/// <remarks>
/// A baseline alert is stored, snoozed and muted under the rule of the same metric, so one mute silences the metric
/// whichever judged it: delivery stopped is <see cref="AlertRule.NoDelivery"/>, conversions stopped
/// <see cref="AlertRule.SpendWithoutConversions"/>, conversions below usual (each result costing more)
/// <see cref="AlertRule.CostPerResultHigh"/>, CTR below usual <see cref="AlertRule.CtrDrop"/>; spend below and
/// above usual have rules of their own.
/// </remarks>
public static class AlertJudge
{
    /// <summary>
    /// The fixed rules a baseline stands in for. The rest (frequency, ad credit, learning) judge what an hour-of-week range
    /// cannot, and run whether the campaign has a baseline or not.
    /// </summary>
    public static readonly IReadOnlySet<AlertRule> ReplacedByBaselines = new HashSet<AlertRule>
    {
        AlertRule.SpendWithoutConversions, AlertRule.CostPerResultHigh, AlertRule.CtrDrop, AlertRule.NoDelivery, AlertRule.BudgetRunsOutEarly,
    };

    public static IReadOnlyList<JudgedAlert> Judge(CampaignToday c, HourlyHistory? history, AlertOptions fixedOptions, BaselineOptions o, Currency? currency = null)
    {
        var fixedAlerts = AlertRules.Check(c, fixedOptions);
        if (history is null || !BaselineCheck.HasBaseline(history, c.LocalNow, o))
        {
            var floor = fixedAlerts.Select(a => new JudgedAlert(a, AlertSeverities.Of(a.Rule))).ToList();
            // Days of history are enough to see a stop at the first scan, where the fixed rule waits for two empty hours;
            // without a known budget a spent one cannot be ruled out, so it stays quiet.
            if (history is not null && c.Enabled && c.DailyBudget is { } budget && budget > 0 && c.Today.Reported(RawCount.Spend)
                && c.Today.Spend < budget * o.BudgetSpentShare && floor.All(j => j.Alert.Rule != AlertRule.NoDelivery)
                && BaselineCheck.StoppedHour(history, c.LocalNow, o) is { } stopped)
            {
                floor.Insert(0, Told(c, stopped));
            }

            // Likewise clicks that stopped converting, where the fixed rule waits for meaningful spend without one.
            if (history is not null && c.Enabled && c.Converts && floor.All(j => j.Alert.Rule != AlertRule.SpendWithoutConversions)
                && BaselineCheck.ConversionsStopped(history, c.LocalNow, o, currency) is { } silent)
            {
                floor.Add(Told(c, silent));
            }
            else if (history is not null && c.Enabled && c.Converts && floor.All(j => j.Alert.Rule is not (AlertRule.SpendWithoutConversions or AlertRule.CostPerResultHigh))
                && BaselineCheck.ConversionsQuiet(history, c.LocalNow, o, currency) is { } quiet)
            {
                floor.Add(Told(c, quiet));
            }

            return floor;
        }

        var judged = new List<JudgedAlert>();
        foreach (var alert in BaselineCheck.Check(history, c.LocalNow, c.Converts, o, c.DailyBudget, currency))
        {
            judged.Add(Told(c, alert));
        }

        // The fixed cost rules stay a floor: kept where the breach is certain (FixedFloor), unless a baseline alert already
        // tells the same rule.
        judged.AddRange(fixedAlerts
            .Where(a => !ReplacedByBaselines.Contains(a.Rule)
                || (FixedFloor.Holds(a, c, fixedOptions, o) && judged.All(j => j.Alert.Rule != a.Rule)))
            .Select(a => new JudgedAlert(a, AlertSeverities.Of(a.Rule))));
        return judged;
    }

    /// <summary>
    /// One advertiser's campaigns in a scan, judged together: conversions that stopped on several of them at once
    /// (<see cref="BaselineCheck.ConversionsStoppedTogether"/>), told on each as <see cref="AlertRule.SpendWithoutConversions"/>
    /// (critical), so the scanner posts them as one alert naming them. Campaigns that are off, do not convert or have no
    /// hours are left out; the caller skips a campaign already told the rule this scan.
    /// </summary>
    public static IReadOnlyList<JudgedAlert> JudgeTogether(IReadOnlyList<(CampaignToday Campaign, HourlyHistory? History)> advertiser, BaselineOptions o,
        Currency? currency = null)
    {
        var converting = advertiser.Where(a => a.Campaign.Enabled && a.Campaign.Converts && a.History is not null).ToList();
        if (converting.Count < 2)
        {
            return [];
        }

        var byId = converting.ToDictionary(a => a.Campaign.CampaignId, a => a.Campaign, StringComparer.Ordinal);
        return BaselineCheck.ConversionsStoppedTogether(
                converting.Select(a => (a.Campaign.CampaignId, a.Campaign.CampaignName, a.History!)).ToList(), converting[0].Campaign.LocalNow, o, currency)
            .Select(f => Told(byId[f.CampaignId], f.Alert)).ToList();
    }

    private static JudgedAlert Told(CampaignToday c, BaselineAlert alert)
    {
        var rule = RuleOf(alert.Rule);
        return new JudgedAlert(new Alert(rule, c.CampaignId, c.CampaignName, alert.Summary, [Figure(alert)], FirstFix(alert.Rule)),
            AlertSeverities.Of(rule), alert.Usual);
    }

    /// <summary>The rule a baseline alert is told, claimed and silenced under.</summary>
    public static AlertRule RuleOf(BaselineRule rule) => rule switch
    {
        BaselineRule.DeliveryStopped => AlertRule.NoDelivery,
        BaselineRule.SpendBelowUsual => AlertRule.SpendBelowUsual,
        BaselineRule.SpendAboveUsual => AlertRule.SpendAboveUsual,
        BaselineRule.ConversionsStopped => AlertRule.SpendWithoutConversions,
        BaselineRule.ConversionsBelowUsual or BaselineRule.ConversionsQuiet => AlertRule.CostPerResultHigh,
        BaselineRule.CtrBelowUsual => AlertRule.CtrDrop,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static AlertFigure Figure(BaselineAlert a)
    {
        var below = a.Today < a.Usual.Low;
        var name = a.Rule switch
        {
            BaselineRule.DeliveryStopped => "Spend in the latest hours",
            BaselineRule.SpendBelowUsual or BaselineRule.SpendAboveUsual => "Spend so far today",
            BaselineRule.ConversionsBelowUsual => "Conversions so far today",
            _ => "CTR so far today (%)",
        };
        return new AlertFigure(a.Figure ?? name, a.Today, below ? a.Usual.Low : a.Usual.High,
            a.UsualName ?? $"usual {(below ? "lowest" : "highest")} of {a.Usual.Weeks} weeks");
    }

    private static string FirstFix(BaselineRule rule) => rule switch
    {
        BaselineRule.DeliveryStopped =>
            "Check the ad group status, review rejections, budget and payment, then the bid and audience size.",
        BaselineRule.SpendBelowUsual =>
            "Look for what changed today: a rejected ad, a lowered budget or bid, a narrower audience; then compare with the last hours.",
        BaselineRule.SpendAboveUsual =>
            "Check who raised the budget or bid today; if cost per result holds, let it spend, otherwise cap the budget before the day is gone.",
        BaselineRule.ConversionsStopped or BaselineRule.ConversionsQuiet =>
            "Check tracking first (pixel or events firing, the landing page loading), then pause the ad groups that spend without results.",
        BaselineRule.ConversionsBelowUsual =>
            "Do not scale: work back from CVR (clicks) to CPC (destination), then audience overlap and frequency, before the bid; check tracking if clicks hold.",
        _ =>
            "Check the creative first: a new or rejected ad, a hook that no longer lands, or fatigue. Refresh the creative before touching bid or audience.",
    };
}
