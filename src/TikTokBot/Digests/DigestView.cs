using System.Text;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;

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
}
