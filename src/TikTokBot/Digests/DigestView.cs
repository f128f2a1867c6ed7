using System.Text;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;
using static TikTokBot.Digests.DigestBuilder;
using TikTokBot.Storage;
using System.Globalization;

namespace TikTokBot.Digests;

/// <summary>
/// The daily digest as Slack messages: one section per campaign, split across messages, never dropped. A campaign with a
/// running credit window gets its chart, one in learning the chart of its conversions toward the exit; past
/// <c>maxCharts</c> in one digest the same charts come as text, so a digest of many campaigns stays one message.
/// </summary>
internal static class DigestView
{
    public static IReadOnlyList<SlackMessage> Messages(IReadOnlyList<CampaignDigest> digests, DateOnly day, string? note = null, int maxCharts = DigestOptions.DefaultMaxCharts)
    {
        var charts = 0;
        var message = new MessageBuilder().Text($"TikTok daily digest for {day:yyyy-MM-dd}").Header($"Daily digest · {day:yyyy-MM-dd}");
        if (note is not null)
        {
            message.Context(note);
        }

        if (digests.Count == 0)
        {
            return message.Section("No campaigns to report.").Build();
        }

        // One line for the digest: the figures of every campaign were read together.
        ReportViews.Fresh(message, Freshness.First(digests.Select(d => d.FreshnessLine)));
        foreach (var digest in digests)
        {
            var campaign = digest.Campaign;
            var text = new StringBuilder();
            text.Append($"*{Mrkdwn.Escape(campaign.Name)}*\n");
            if (!BusinessCalendar.IsUtc(campaign.TimeZone))
            {
                // The channel may be in another zone: say whose day the figures are.
                text.Append($"_{digest.Day:yyyy-MM-dd} in {Mrkdwn.Escape(campaign.TimeZone)} time_\n");
            }

            text.Append(string.Join(" · ", digest.Comparisons.Select(c => Comparison(c, campaign.Currency))));
            text.Append('\n').Append(campaign.Objective is { } objective && !Domain.Objectives.ObjectiveCatalogue.Profile(objective).Converts
                ? $"Day {digest.Learning.Day} since launch."
                : Learning(digest.Learning));
            if (digest.Credit is { } credit)
            {
                text.Append('\n').Append(Credit(credit, campaign.Currency));
            }

            if (digest.CreditBought is { } bought)
            {
                text.Append('\n').Append(Bought(bought, campaign.Currency));
            }

            text.Append('\n').Append(digest.TopFinding is { } finding
                ? $"Top finding: {Mrkdwn.Escape(finding.Title)} ({finding.Stage.DisplayName()})"
                : "Nothing to fix.");
            message.Section(text.ToString(), Elements.Button(ButtonIds.Fix, "What should I fix?", ButtonCodec.Encode(new ReportRequest(campaign.Id, Period.Default))));
            foreach (var chart in Charts(digest))
            {
                _ = charts++ < maxCharts ? message.Chart(chart) : message.Section(chart.ToMrkdwn());
            }
        }

        return message.Build();
    }

    private static IEnumerable<ChartData> Charts(CampaignDigest digest)
    {
        if (digest.Credit is { } credit && DigestCharts.Credit(credit, digest.CreditDays, digest.Campaign.Currency) is { } spend)
        {
            yield return spend;
        }

        if (DigestCharts.Learning(digest.Learning, digest.LearningDays) is { } learning)
        {
            yield return learning;
        }
    }

    private static string Comparison(DigestComparison c, string currency)
    {
        var definition = MetricCatalogue.Get(c.Metric);
        var change = c.ChangePercent is { } p ? $" ({(p >= 0 ? "+" : "")}{p:0.#}% vs the 7-day average)" : "";
        return $"{definition.DisplayName} {MetricFormat.Format(c.Yesterday, definition.Unit, currency)}{change}";
    }

    private static string Learning(LearningPhaseAssessment learning)
    {
        var advice = learning.Advice switch
        {
            LearningAdvice.TooEarlyToJudge => "too early to judge",
            LearningAdvice.HandsOff => $"hands off until {learning.HandsOffUntil:yyyy-MM-dd}",
            LearningAdvice.KeepWatching => "keep watching, small changes only",
            _ => "time to judge",
        };
        var window = learning.CpaWindow switch
        {
            CpaWindow.Daily => "daily CPA",
            CpaWindow.ThreeDay => "3-day CPA",
            _ => "7-day CPA",
        };
        return learning.State switch
        {
            LearningState.Exited => $"Out of learning ({learning.Conversions:#,0} conversions); judge by {window}; {advice}.",
            // Past the window TikTok calls it learning limited: never "day 31 of learning" (DOMAIN.md section 9).
            LearningState.Limited => $"Learning limited: {learning.Conversions:#,0} of about {learning.ExitConversions} conversions since launch `{DigestCharts.Progress(learning.Conversions, learning.ExitConversions)}`; judge by {window}.",
            _ => $"Learning: day {learning.Day}, {learning.Conversions:#,0} of about {learning.ExitConversions} conversions `{DigestCharts.Progress(learning.Conversions, learning.ExitConversions)}`; judge by {window}; {advice}.",
        };
    }

    private static string Credit(CreditWindowReport credit, string currency)
    {
        string Money(decimal value) => MetricFormat.Money(value, currency);
        var text = new StringBuilder($"Credit: {Money(credit.GrossSpend)} gross, {Money(credit.NetSpend)} net, {Money(credit.CreditApplied)} applied, {Money(credit.CreditRemaining)} left");
        if (credit.ExhaustedOn is { } day)
        {
            text.Append(credit.ExhaustionProjected ? $", runs out about {day:yyyy-MM-dd}" : $", ran out {day:yyyy-MM-dd}");
        }

        if (credit.ExpiringUnused > 0)
        {
            text.Append($"; {Money(credit.ExpiringUnused)} will expire unused by {credit.Grant.Expiry:yyyy-MM-dd} at this pace");
        }

        text.Append($". CPA {MetricFormat.Format(credit.GrossCpa, MetricUnit.Money, currency)} gross, {MetricFormat.Format(credit.NetCpa, MetricUnit.Money, currency)} net");
        text.Append(credit.Verdict switch
        {
            CreditVerdict.Succeeding => $", within the {Money(credit.TargetCpa!.Value)} target.",
            CreditVerdict.NotSucceeding => $", above the {Money(credit.TargetCpa!.Value)} target.",
            CreditVerdict.NotSucceedingDespiteNetCpa => $": net looks fine, but gross is above the {Money(credit.TargetCpa!.Value)} target, and gross is the real cost once the credit ends.",
            _ => ".",
        });
        return text.ToString();
    }

    private static string Bought(CreditLessons lessons, string currency) =>
        "What the credit bought: " + string.Join("; ", new[]
        {
            lessons.BestAd is { } ad ? $"best ad {Mrkdwn.Escape(ad.Name)} at {MetricFormat.Format(lessons.BestAdCpa, MetricUnit.Money, currency)} per conversion{Against(lessons.BestAdAgainstAccount, currency)}" : null,
            lessons.BestSegment is { } segment ? $"most responsive audience {Mrkdwn.Escape(segment.Name)} converting {MetricFormat.Format(lessons.BestSegmentCvr, MetricUnit.Percent)}{Against(lessons.BestSegmentAgainstAccount, currency)}" : null,
            $"landing page CVR {MetricFormat.Format(lessons.LandingPageCvr, MetricUnit.Percent)}{Against(lessons.LandingPageAgainstAccount, currency)}",
        }.Where(p => p is not null)) + ".";

    /// <summary>" (17% cheaper than your account's median $30.00)"; nothing without enough history.</summary>
    private static string Against(AgainstAccount? against, string currency)
    {
        if (against is null)
            return "";
        var definition = MetricCatalogue.Get(against.Metric);
        var cost = definition.Better == BetterDirection.Lower;
        var word = (against.DifferencePercent < 0, cost) switch
        {
            (true, true) => "cheaper than",
            (false, true) => "dearer than",
            (true, false) => "below",
            (false, false) => "above",
        };
        var median = MetricFormat.Format(against.Median, definition.Unit, currency);
        return Math.Round(against.DifferencePercent) == 0
            ? $" (at your account's median {median})"
            : $" ({Math.Abs(against.DifferencePercent):0}% {word} your account's median {median})";
    }

    /// <summary>
    /// The hook of issue 33 in the digest: info alerts are never posted on their own; the scan keeps them (with their rule's
    /// title) in <c>alert_digest_notes</c>, and the channel's digest of their day ends with them.
    /// </summary>
    internal static class DigestAlertNotes
    {
        /// <summary>The info alerts of a day, for the end of the channel's daily digest; null when there are none.</summary>
        public static SlackMessage? Messages(IReadOnlyList<AlertDigestNote> notes)
        {
            if (notes.Count == 0)
            {
                return null;
            }

            var head = $"For information, {notes.Count} alert(s) of {notes[0].Key.LocalDate:yyyy-MM-dd} that did not need anyone at once:";
            var lines = notes.Select(n => $"• *{Mrkdwn.Escape(n.CampaignName)}*: {Mrkdwn.Escape(n.Summary)}");
            var message = new MessageBuilder().Text(head).Section($":information_source: *{Mrkdwn.Escape(head)}*");
            // A section holds 3,000 characters: the lines go in as many sections as they need, up to what one message holds.
            var section = new StringBuilder();
            var sections = 0;
            foreach (var line in lines)
            {
                if (section.Length + line.Length + 1 > 2900 && section.Length > 0)
                {
                    if (++sections >= SlackLimits.BlocksPerMessage - 2)
                    {
                        break;
                    }

                    message.Section(section.ToString());
                    section.Clear();
                }

                section.Append(section.Length == 0 ? "" : "\n").Append(line);
            }

            if (section.Length > 0)
            {
                message.Section(section.ToString());
            }

            return message.Context("Info alerts come only in the daily digest; `/ttmetrics alerts` lists the rules.").BuildSingle();
        }
    }

    /// <summary>The digest's charts as data: the credit window (credit left and gross spend per day, to the run-out day) and the learning phase's conversions toward the exit.</summary>
    internal static class DigestCharts
    {
        public const string Estimate = "est.";
        private const int ProgressCells = 10;

        /// <summary>
        /// Credit left at the end of each day and the day's gross spend, from the window's start to the projected run-out day
        /// (or the expiry, or the day it ran out). Days after the report's day are marked "est." (the burn rate carried
        /// forward) and the run-out day says so. A window longer than a chart's 20 points is drawn in equal steps of days:
        /// credit left at the end of each step, and the step's average spend per day. Null when there is no day to draw.
        /// </summary>
        public static ChartData? Credit(CreditWindowReport report, IReadOnlyList<CreditDay> days, string currency)
        {
            if (days.Count == 0)
            {
                return null;
            }

            var step = (days.Count + SlackLimits.ChartCategories - 1) / SlackLimits.ChartCategories;
            var buckets = days.Chunk(step).ToList();
            var ranOut = report.ExhaustedOn;
            var categories = buckets.Select(b =>
            {
                var last = b[^1];
                var label = Day(last.Date);
                return ranOut is { } day && b.Any(d => d.Date == day)
                    ? $"{label} {(report.ExhaustionProjected ? "runs out" : "ran out")}"
                    : last.Projected ? $"{label} {Estimate}" : label;
            }).ToList();
            var left = buckets.Select(b => (double?)Money(b[^1].CreditLeft)).ToList();
            var spend = buckets.Select(b => (double?)Money(b.Average(d => d.GrossSpend))).ToList();
            var projected = days.Any(d => d.Projected);
            return new ChartData("Credit left and gross spend per day", ChartKind.Line, categories,
                [new ChartSeries("Credit left", left), new ChartSeries(step == 1 ? "Gross spend" : $"Spend/day ({step}d avg)", spend)])
            {
                XLabel = projected ? $"{Estimate} = at {MetricFormat.Money(report.BurnRatePerDay, currency)} a day" : step == 1 ? "day" : $"every {step} days",
                YLabel = currency,
                CategoryNoun = "days",
                Format = v => MetricFormat.Money(Reports.ReportCharts.ToDecimal(v), currency),
            };
        }

        /// <summary>
        /// Conversions since the start of learning day by day, with the exit mark as a flat line (as bars on the first day,
        /// when a line would be a dot). Null when there is no day to draw.
        /// </summary>
        public static ChartData? Learning(LearningPhaseAssessment learning, IReadOnlyList<LearningDay> days)
        {
            if (days.Count == 0)
            {
                return null;
            }

            return new ChartData($"Learning: conversions toward ~{learning.ExitConversions}", days.Count == 1 ? ChartKind.Bar : ChartKind.Line, days.Select(d => Day(d.Date)).ToList(),
            [
                new ChartSeries("Conversions so far", days.Select(d => (double?)d.ConversionsSoFar).ToList()),
                new ChartSeries($"Exit (~{learning.ExitConversions})", days.Select(_ => (double?)learning.ExitConversions).ToList()),
            ])
            {
                YLabel = "conversions",
                CategoryNoun = "days",
                KeepLatest = true,
                Format = v => MetricFormat.Format(Reports.ReportCharts.ToDecimal(v), MetricUnit.Count),
            };
        }

        /// <summary>"▰▰▰▰▱▱▱▱▱▱ 46%": conversions so far against the exit, for the text beside the chart.</summary>
        public static string Progress(long conversions, int exit)
        {
            var share = exit <= 0 ? 1m : Math.Clamp((decimal)conversions / exit, 0m, 1m);
            var filled = (int)Math.Floor(share * ProgressCells);
            return $"{new string('▰', filled)}{new string('▱', ProgressCells - filled)} {Math.Floor(share * 100).ToString(CultureInfo.InvariantCulture)}%";
        }

        private static string Day(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

        private static double Money(decimal amount) => (double)Math.Round(amount, 2);
    }
}
