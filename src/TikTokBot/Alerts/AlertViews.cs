using System.Globalization;
using System.Text;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Alerts;

/// <summary>The messages a scan posts in a channel. Every name that came from outside is escaped.</summary>
internal static class AlertViews
{
    private static readonly Period Today = new(PeriodKind.Today);

    /// <summary>One alert: what happened with its numbers, the first fix, and the buttons.</summary>
    public static SlackMessage Alert(FoundAlert found, string channel)
    {
        var (alert, campaign) = (found.Alert, found.Campaign);
        var title = $"{AlertRuleNames.Describe(alert.Rule)}: {campaign.Name}";
        var figures = alert.Figures.Select(f => $"*{Mrkdwn.Escape(f.Name)}*\n{Number(f.Value)} ({Mrkdwn.Escape(f.ThresholdName)}: {Number(f.Threshold)})").ToArray();
        var buttons = new List<BlockElement>
        {
            Elements.Button(ButtonIds.Fix, "What should I fix?", ButtonCodec.Encode(new ReportRequest(campaign.Id, Today)), style: "primary"),
            Elements.Button(ButtonIds.Snooze, "Snooze 24 h", ButtonCodec.Encode(new AlertTarget(campaign.Id, alert.Rule))),
            Elements.Button(ButtonIds.Mute, "Mute this rule for this campaign", ButtonCodec.Encode(new AlertTarget(campaign.Id, alert.Rule)),
                confirm: Elements.Confirm("Mute this rule?", $"No more \"{AlertRuleNames.Describe(alert.Rule)}\" alerts for {campaign.Name} in any channel until someone undoes it from /ttmetrics alerts.", "Mute")),
        };
        if (found.AdGroupToPause is { } adGroup)
        {
            // The Actions capability's own proposal: a fresh confirmation, guard rails and audit, exactly as `pause adgroup` gives.
            buttons.Add(Elements.Button(ButtonIds.Propose, "Pause ad group",
                ButtonCodec.Encode(new ProposalRequest(campaign.Id, ActionIntent.Pause(ActionLevel.AdGroup, adGroup))), style: "danger"));
        }

        // Check-ins: whoever takes the alert's fix owns it, followed up in this alert's thread.
        var finding = Finding(found);
        buttons.Add(Elements.Button(ButtonIds.TakeFix, "I'll take it", ButtonCodec.Encode(finding)));
        buttons.Add(Elements.UsersSelect(ButtonIds.AssignFor(finding), "Assign…"));

        var icon = Icon(found.Severity);
        var message = new MessageBuilder()
            .Text($"{icon} {title}: {alert.Summary}")
            .Section($"{icon} *{Mrkdwn.Escape(title)}*\n{Mrkdwn.Escape(alert.Summary)}")
            .Fields(figures)
            .Section($"*First fix:* {Mrkdwn.Escape(alert.FirstFix)}")
            .Context($"{Severity(found.Severity)} · rule `{alert.RuleId}` · {found.LocalDate:yyyy-MM-dd} in the advertiser's time zone ({found.TimeZone}) · one alert per campaign, rule and day");
        if (FreshnessOf(found) is { } fresh)
        {
            message.Context(fresh);
        }

        return message.Actions(buttons).BuildSingle() with { Channel = channel };
    }

    /// <summary>
    /// Several alerts in one message: a scan's warnings, or one cause (a rule on several campaigns of one advertiser). A
    /// section per cause names its campaigns with what each is usually and is today; each campaign keeps its Snooze and
    /// Mute, and the first its "What should I fix?". Past what one message holds, the last causes share one section.
    /// </summary>
    public static SlackMessage Grouped(IReadOnlyList<IReadOnlyList<FoundAlert>> causes, string channel)
    {
        var all = causes.SelectMany(c => c).ToArray();
        var severity = all.Max(a => a.Severity);
        var icon = Icon(severity);
        var head = causes.Count == 1
            ? $"{AlertRuleNames.Describe(all[0].Alert.Rule)} on {all.Length} campaigns of {all[0].Campaign.Advertiser}"
            : $"{all.Length} alerts on {all.Select(a => a.Campaign.Id).Distinct().Count()} campaign(s)";
        var message = new MessageBuilder().Text($"{icon} {head}").Section($"{icon} *{Mrkdwn.Escape(head)}*");
        // The head and two context lines take three blocks; each cause a section, its buttons and its take buttons.
        var withButtons = Math.Min(causes.Count, (SlackLimits.BlocksPerMessage - 4) / 3);
        foreach (var cause in causes.Take(withButtons))
        {
            var first = cause[0];
            var fix = Elements.Button(ButtonIds.Fix, "What should I fix?", ButtonCodec.Encode(new ReportRequest(first.Campaign.Id, Today)));
            message.Section(CauseText(cause, withTitle: causes.Count > 1), fix);
            var several = cause.Count > 1;
            message.Actions(cause.Take(12).SelectMany(a => new BlockElement[]
            {
                Elements.Button(several ? ButtonIds.SnoozeFor(a.Campaign.Id) : ButtonIds.Snooze, Label("Snooze 24 h", several ? a.Campaign.Name : null), ButtonCodec.Encode(new AlertTarget(a.Campaign.Id, a.Alert.Rule))),
                Elements.Button(several ? ButtonIds.MuteFor(a.Campaign.Id) : ButtonIds.Mute, Label("Mute", several ? a.Campaign.Name : null), ButtonCodec.Encode(new AlertTarget(a.Campaign.Id, a.Alert.Rule)),
                    confirm: Elements.Confirm("Mute this rule?", $"No more \"{AlertRuleNames.Describe(a.Alert.Rule)}\" alerts for {a.Campaign.Name} in any channel until someone undoes it from /ttmetrics alerts.", "Mute")),
            }).ToList());
            // Check-ins: "I'll take it" and "Assign…" per campaign line, named by it when the cause has several.
            message.Actions(cause.Take(12).SelectMany(a => new BlockElement[]
            {
                Elements.Button(several ? ButtonIds.TakeFor(Finding(a)) : ButtonIds.TakeFix, Label("I'll take it", several ? a.Campaign.Name : null), ButtonCodec.Encode(Finding(a))),
                Elements.UsersSelect(ButtonIds.AssignFor(Finding(a)), Label("Assign…", several ? a.Campaign.Name : null)),
            }).ToList());
        }

        if (causes.Count > withButtons)
        {
            message.Section(string.Join("\n\n", causes.Skip(withButtons).Select(c => CauseText(c, withTitle: true))));
        }

        message.Context($"{Severity(severity)} · warnings come together, one message a scan · one alert per campaign, rule and day");
        if (FreshnessOf(all[0]) is { } fresh)
        {
            message.Context(fresh);
        }

        return message.BuildSingle() with { Channel = channel };
    }

    private static AlertFinding Finding(FoundAlert found) => new(found.Campaign.Id, found.AdGroupToPause, found.Alert.Rule);

    // The title is the message's head when the message has one cause.
    private static string CauseText(IReadOnlyList<FoundAlert> cause, bool withTitle)
    {
        var first = cause[0];
        var title = cause.Count == 1 ? $"{AlertRuleNames.Describe(first.Alert.Rule)}: {first.Campaign.Name}" : $"{AlertRuleNames.Describe(first.Alert.Rule)}: {cause.Count} campaigns of {first.Campaign.Advertiser}";
        var lines = cause.Count == 1
            ? Mrkdwn.Escape(first.Alert.Summary)
            : string.Join("\n", cause.Select(a => $"• *{Mrkdwn.Escape(a.Campaign.Name)}*: {Mrkdwn.Escape(a.Alert.Summary)}"));
        return $"{(withTitle ? $"*{Mrkdwn.Escape(title)}*\n" : "")}{lines}\n_First fix:_ {Mrkdwn.Escape(first.Alert.FirstFix)}";
    }

    private static string Label(string action, string? campaign) =>
        campaign is null ? action : $"{action}: {(campaign.Length > 40 ? campaign[..39] + "…" : campaign)}";

    private static string? FreshnessOf(FoundAlert found) => found.ReadAt is { } readAt ? Freshness.Line(readAt, found.TimeZone, found.LocalDate) : null;

    private static string Icon(Domain.Alerts.Baselines.AlertSeverity severity) =>
        severity == Domain.Alerts.Baselines.AlertSeverity.Critical ? ":rotating_light:" : ":warning:";

    private static string Severity(Domain.Alerts.Baselines.AlertSeverity severity) => severity switch
    {
        Domain.Alerts.Baselines.AlertSeverity.Critical => "*Critical*: money is being lost now",
        Domain.Alerts.Baselines.AlertSeverity.Warning => "Warning",
        _ => "Info",
    };

    /// <summary>The alerts over the day's cap, summarised in one message.</summary>
    public static SlackMessage CapSummary(IReadOnlyList<FoundAlert> capped, int cap, string channel)
    {
        var lines = string.Join("\n", capped.Select(a => $"• *{Mrkdwn.Escape(a.Campaign.Name)}*: {Mrkdwn.Escape(AlertRuleNames.Describe(a.Alert.Rule))}: {Mrkdwn.Escape(a.Alert.Summary)}"));
        var head = $"{capped.Count} more alert(s) today, beyond this channel's {cap} a day:";
        return Summary(head, lines, channel, FreshnessOf(capped[0]));
    }

    /// <summary><c>alerts check now</c>: what the scan read and found, with the freshness of the figures it judged.</summary>
    public static SlackMessage CheckNow(string text, IReadOnlyList<FoundAlert> found) =>
        ReportViews.Fresh(new MessageBuilder().Text(text).Ephemeral().Section(text), found.Count > 0 ? FreshnessOf(found[0]) : null).BuildSingle();

    /// <summary>
    /// What quiet hours held, in one message when they end: a section per campaign with its alerts and its "What should I
    /// fix?" button (the fixes for the alert's day). Past what one message holds, the last campaigns share one section
    /// without buttons.
    /// </summary>
    /// <param name="freshness">The freshness line of the earliest scan that held one of them (<see cref="Freshness"/>), if any.</param>
    public static SlackMessage Released(IReadOnlyList<SentAlert> held, IReadOnlyDictionary<string, string> names, string channel, string? freshness)
    {
        var head = $"While this channel was quiet, {held.Count} alert(s):";
        var campaigns = held.GroupBy(a => a.Key.CampaignId, StringComparer.Ordinal).ToArray();
        string Name(string id) => names.GetValueOrDefault(id, id);
        string Lines(IEnumerable<SentAlert> alerts) => string.Join("\n", alerts.Select(a => $"• {Mrkdwn.Escape(Rule(a.Key.RuleId))}: {Mrkdwn.Escape(a.Summary)}"));

        // The head and the context line take two blocks; a remainder section, when needed, a third.
        var withButtons = campaigns.Length <= SlackLimits.BlocksPerMessage - 2 ? campaigns.Length : SlackLimits.BlocksPerMessage - 3;
        var message = new MessageBuilder().Text($":rotating_light: {head}").Section($":rotating_light: *{Mrkdwn.Escape(head)}*");
        foreach (var campaign in campaigns.Take(withButtons))
        {
            var day = campaign.Max(a => a.Key.LocalDate);
            var fix = Elements.Button(ButtonIds.Fix, "What should I fix?",
                ButtonCodec.Encode(new ReportRequest(campaign.Key, new Period(PeriodKind.Range, Range: new DateRange(day, day)))));
            message.Section($"*{Mrkdwn.Escape(Name(campaign.Key))}*\n{Lines(campaign)}", fix);
        }

        if (campaigns.Length > withButtons)
        {
            message.Section(string.Join("\n", campaigns.Skip(withButtons).Select(c => $"*{Mrkdwn.Escape(Name(c.Key))}*\n{Lines(c)}")));
        }

        return message.Context(WithFreshness(ListsLine, freshness)).BuildSingle() with { Channel = channel };
    }

    /// <summary>The answer in an alert's thread when the condition is gone.</summary>
    public static SlackMessage Recovered(SentAlert alert, string campaignName, string channel)
    {
        var text = $":white_check_mark: Recovered: {Rule(alert.Key.RuleId)} on {campaignName} no longer holds.";
        return new MessageBuilder().Text(text).Section($":white_check_mark: *Recovered:* {Mrkdwn.Escape(Rule(alert.Key.RuleId))} on *{Mrkdwn.Escape(campaignName)}* no longer holds.")
            .BuildSingle() with { Channel = channel, ThreadTs = alert.MessageTs is { Length: > 1 } ts ? ts : null };
    }

    private static SlackMessage Summary(string head, string lines, string channel, string? freshness) =>
        new MessageBuilder().Text($":rotating_light: {head}").Section($":rotating_light: *{Mrkdwn.Escape(head)}*\n{lines}")
            .Context(WithFreshness(ListsLine, freshness))
            .BuildSingle() with { Channel = channel };

    private const string ListsLine = "`/ttmetrics alerts` lists the rules, quiet hours and the last alerts.";

    // One context block for both lines: a message of held alerts uses every block Slack allows.
    private static string WithFreshness(string line, string? freshness) => freshness is null ? line : $"{line} {freshness}";

    public static string Rule(string ruleId) => AlertRuleNames.Describe(ruleId);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Every rule with its thresholds as configured, for <c>alerts</c>.</summary>
    public static string Rules(AlertOptions o)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"• *Spend without conversions*: spend today ≥ {Number(o.SpendWithoutConversionsTargetMultiple)}× the target cost per result (or {Number(o.MeaningfulSpendWithoutTarget)} without a target) and no conversion\n");
        text.Append(CultureInfo.InvariantCulture, $"• *Cost per result high*: real-time cost per result ≥ {Number(o.CostPerResultTargetMultiple)}× target, or ≥ {Number(o.CostPerResultAverageMultiple)}× the {o.AverageDays}-day average, after meaningful spend\n");
        text.Append(CultureInfo.InvariantCulture, $"• *CTR dropped*: CTR today ≤ {Number(o.CtrDropShare * 100m)}% of the {o.AverageDays}-day CTR after {o.CtrMinimumImpressions:N0} impressions\n");
        text.Append(CultureInfo.InvariantCulture, $"• *Frequency warning / alert*: frequency ≥ {Number(o.FrequencyWarning)} / ≥ {Number(o.FrequencyAlert)}\n");
        text.Append(CultureInfo.InvariantCulture, $"• *Budget runs out early*: at today's pace the daily budget is gone before {o.BudgetRunsOutBefore:HH:mm} (judged from {o.BudgetPaceMinimumHours} h into the day)\n");
        text.Append(CultureInfo.InvariantCulture, $"• *Ad credit runs out / expires unused*: credit lasts ≤ {o.CreditRunsOutWithinDays} days, or will be left at expiry\n");
        text.Append(CultureInfo.InvariantCulture, $"• *Learning limited*: day {o.LearningLimitedDay} of learning with fewer than {o.LearningExitConversions} conversions\n");
        text.Append(CultureInfo.InvariantCulture, $"• *No delivery*: enabled, no impressions in the last {o.NoDeliveryHours} hours TikTok has reported today");
        return text.ToString();
    }
}
