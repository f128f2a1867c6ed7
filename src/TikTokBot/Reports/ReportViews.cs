using System.Globalization;
using System.Text;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Summary;
using TikTokBot.Domain.Trends;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary>Action ids of the report's buttons; the value carries the campaign id and the period.</summary>
public static class ReportActions
{
    public const string Fix = "report.fix";
    public const string Breakdown = "report.breakdown";
    public const string Criteria = "report.criteria";
    public const string Credit = "report.credit";
    public const string Share = "report.share";
}

/// <summary>Block Kit views built from the engine's records. Every name that came from outside is escaped.</summary>
public static class ReportViews
{
    public static IReadOnlyList<SlackMessage> Summary(CampaignSummary summary, CampaignDiagnosis diagnosis, string period)
    {
        var campaign = summary.Campaign;
        var currency = campaign.Currency;
        var message = new MessageBuilder()
            .Text($"{Mrkdwn.Escape(campaign.Name)}: {campaign.Profile.DisplayName}, {summary.Period}")
            .Ephemeral()
            .Header($"{campaign.Name}")
            .Context($"{Mrkdwn.Escape(campaign.Profile.DisplayName)} · {summary.Period}{(campaign.StatusLabel is { } status ? $" · *{status}*" : "")} · read in funnel order")
            .Section(Verdict(summary.Verdict, currency));

        foreach (var stage in summary.Stages)
        {
            message.Fields(stage.Readings.Take(10).Select(r => Reading(r, currency)).ToArray(), $"*{stage.Stage.DisplayName()}*");
        }

        if (diagnosis.TopFinding is { } top)
        {
            message.Divider().Section($"*{SeverityMark(top.Severity)} {Mrkdwn.Escape(top.Title)}* ({top.Stage.DisplayName()})\n{Mrkdwn.Escape(top.Cause)}");
        }

        var value = $"{campaign.Id}|{period}";
        message.Actions(
        [
            Elements.Button(ReportActions.Fix, "What should I fix?", value, style: "primary"),
            Elements.StaticSelect(ReportActions.Breakdown, "Break down by…",
            [
                Elements.Option("Ad group", $"{value}|adgroup"), Elements.Option("Ad", $"{value}|ad"), Elements.Option("Age", $"{value}|age"),
                Elements.Option("Gender", $"{value}|gender"), Elements.Option("Placement", $"{value}|placement"), Elements.Option("Device", $"{value}|device"),
            ]),
            Elements.Button(ReportActions.Criteria, "Set success criteria", value),
            Elements.Button(ReportActions.Credit, "Set ad credit", value),
            Elements.Button(ReportActions.Share, "Share in channel", value),
        ]);
        return message.Build();
    }

    public static IReadOnlyList<SlackMessage> Fixes(string campaignName, FixPlan plan, string currency)
    {
        var message = new MessageBuilder().Text($"What to fix in {Mrkdwn.Escape(campaignName)}").Header($"What to fix: {campaignName}");
        if (plan.LearningGuard is { } learning)
        {
            message.Section($":hourglass_flowing_sand: *Day {learning.Day} of learning* ({learning.Conversions} of about {learning.ExitConversions} conversions). " +
                $"Hold changes that restart learning until {learning.HandsOffUntil:yyyy-MM-dd}.");
        }

        if (plan.NothingToFix)
        {
            return message.Section("Nothing to fix: every stage is within its benchmarks and targets.").Build();
        }

        if (plan.FirstAction is { } first)
        {
            message.Section($"*Do this first:* {Mrkdwn.Escape(first.Fix.Action)}");
        }

        foreach (var finding in plan.Fixes.GroupBy(f => f.Because))
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"*{SeverityMark(finding.Key.Severity)} {Mrkdwn.Escape(finding.Key.Title)}* ({finding.Key.Stage.DisplayName()})");
            if (finding.Key.PossiblyCausedBy is { } earlier)
            {
                text.Append(CultureInfo.InvariantCulture, $" _possibly caused by the {earlier.DisplayName().ToLowerInvariant()} problem above_");
            }

            text.Append('\n').Append(string.Join(" · ", finding.Key.Evidence.Select(e => Evidence(e, currency))));
            foreach (var fix in finding)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{fix.Rank}. {Mrkdwn.Escape(fix.Fix.Action)}{(fix.HeldForLearning ? " _(after learning)_" : "")}");
            }

            message.Section(text.ToString());
        }

        return message.Build();
    }

    /// <summary>Segments ranked by the objective's cost per outcome, cheapest first; segments without one go last.</summary>
    public static IReadOnlyList<SlackMessage> Breakdown(TikTok.Sources.CampaignInfo campaign, TikTok.Sources.BreakdownDimension by, DateRange range,
        IReadOnlyList<TikTok.Sources.BreakdownRow> rows)
    {
        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        var cost = MetricCatalogue.Get(profile.CostPerOutcome);
        var message = new MessageBuilder().Text($"{Mrkdwn.Escape(campaign.Name)} by {by}").Ephemeral()
            .Header($"{campaign.Name} by {by}")
            .Context($"{range} · ranked by {cost.DisplayName.ToLowerInvariant()}, cheapest first");
        if (rows.Count == 0)
        {
            return message.Section($"No {by} breakdown for this range in the data source.").Build();
        }

        foreach (var row in rows.OrderBy(r => r.Totals.Value(profile.CostPerOutcome) is null).ThenBy(r => r.Totals.Value(profile.CostPerOutcome)))
        {
            var t = row.Totals;
            message.Section($"*{Mrkdwn.Escape(row.Name)}*{(row.Status is { } status ? $" ({status})" : "")}: {cost.DisplayName} {MetricFormat.Format(t.Value(profile.CostPerOutcome), cost.Unit, campaign.Currency)} · " +
                $"cost {MetricFormat.Money(t.Counts.Spend, campaign.Currency)} · impressions {t.Counts.Impressions:#,0} · CTR {MetricFormat.Format(t.Ctr, MetricUnit.Percent)}" +
                (profile.Converts ? $" · conversions {t.Counts.Conversions:#,0} · CVR {MetricFormat.Format(t.CvrClicks, MetricUnit.Percent)}" : ""));
        }

        return message.Build();
    }

    public static IReadOnlyList<SlackMessage> CampaignList(IReadOnlyList<(TikTok.Sources.CampaignInfo Campaign, decimal Spend, string? TopFinding)> lines, DateRange range)
    {
        var message = new MessageBuilder().Text("Your TikTok campaigns").Ephemeral().Header("Campaigns").Context($"{range} · `/ttmetrics <name>` for one of them");
        foreach (var (campaign, spend, finding) in lines)
        {
            var objective = campaign.Objective is { } o ? ObjectiveCatalogue.Profile(o).DisplayName : campaign.ObjectiveType;
            message.Section($"*{Mrkdwn.Escape(campaign.Name)}* · {Mrkdwn.Escape(objective)}{(campaign.StatusLabel is { } status ? $" · *{status}*" : "")} · {MetricFormat.Money(spend, campaign.Currency)}" +
                (finding is null ? " · nothing to fix" : $" · {Mrkdwn.Escape(finding)}"));
        }

        return message.Build();
    }

    internal static string Reading(MetricReading reading, string currency)
    {
        var value = MetricFormat.Format(reading.Value, reading.Metric.Unit, currency);
        var standing = reading.Benchmark is { } benchmark && reading.Standing != BenchmarkStanding.NoData
            ? $" {Standing(reading)}"
            : "";
        var trend = reading.Trend.Direction switch
        {
            TrendDirection.Up => $" ↑{reading.Trend.ChangePercent:0.#}%",
            TrendDirection.Down => $" ↓{-reading.Trend.ChangePercent:0.#}%",
            TrendDirection.Flat => " →",
            _ => "",
        };
        return $"*{reading.Metric.DisplayName}*\n{value}{standing}{trend} {reading.Trend.Sparkline}".TrimEnd();
    }

    private static string Standing(MetricReading reading)
    {
        var good = (reading.Standing, reading.Metric.Better) switch
        {
            (BenchmarkStanding.Within, _) => (bool?)null,
            (BenchmarkStanding.Above, BetterDirection.Higher) or (BenchmarkStanding.Below, BetterDirection.Lower) => true,
            (_, BetterDirection.Neutral) => null,
            _ => false,
        };
        var word = reading.Standing switch
        {
            BenchmarkStanding.Below => "below",
            BenchmarkStanding.Above => "above",
            _ => "within",
        };
        return $"({(good switch { true => "✅ ", false => "⚠️ ", _ => "" })}{word} benchmark)";
    }

    private static string Verdict(SuccessVerdict verdict, string currency)
    {
        var cost = MetricFormat.Format(verdict.CostPerOutcome, MetricUnit.Money, currency);
        var name = MetricCatalogue.Get(verdict.CostPerOutcomeMetric).DisplayName;
        return verdict.Status switch
        {
            SuccessStatus.OnTrack => $"✅ *On track*: {name} {cost} against a target of {MetricFormat.Money(verdict.Target!.Value, currency)}, {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}.",
            SuccessStatus.OffTrack => $"⚠️ *Off track*: {name} {cost} against a target of {MetricFormat.Money(verdict.Target!.Value, currency)}, {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}.",
            SuccessStatus.NotEnoughData => $"⏳ *Not enough data yet*: {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}; {name} so far {cost}.",
            _ => $"No success criteria yet: {name} {cost}. Set them with `/ttmetrics target …` or the button below.",
        };
    }

    private static string Evidence(Evidence evidence, string currency)
    {
        var value = MetricFormat.Format(evidence.Value, evidence.Unit, currency);
        return evidence.Reference is { } reference
            ? $"{Mrkdwn.Escape(evidence.Label)} {value} ({evidence.ReferenceLabel} {MetricFormat.Format(reference, evidence.Unit, currency)})"
            : $"{Mrkdwn.Escape(evidence.Label)} {value}";
    }

    private static string SeverityMark(Severity severity) => severity switch
    {
        Severity.Critical => "🔴",
        Severity.Warning => "🟠",
        Severity.Watch => "👀",
        _ => "🟢",
    };
}
