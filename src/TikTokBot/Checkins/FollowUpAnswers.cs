using Microsoft.Extensions.Options;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Checkins;

/// <summary>
/// A fix's follow-up worked out: its periods in its advertiser's days, the targeted metric before and after, and the
/// verdict of <see cref="FixOutcome"/>. The follow-up job posts it in the fix's thread; the digest's check-in part shows
/// the same answer for a follow-up due today that the job has not posted yet.
/// </summary>
internal sealed class FollowUpAnswers(ReportService reports, IOptionsMonitor<FixOutcomeOptions> options)
{
    /// <summary>The periods to compare when <paramref name="lastClosedDay"/> is the advertiser's last closed day; null while the change has not had its time.</summary>
    public FixPeriods? PeriodsOn(Fix fix, CampaignInfo campaign, DateOnly lastClosedDay) =>
        FixPeriods.On(ChangedOn(fix, campaign), lastClosedDay, fix.RestartsLearning, options.CurrentValue);

    /// <summary>The answer: Skipped (and why) for a campaign gone, paused or deleted, or a finding with no metric; else the figures and the verdict.</summary>
    public async Task<FollowUpAnswer> AnswerAsync(string teamId, Fix fix, CampaignInfo? campaign, FixPeriods? periods, CancellationToken ct)
    {
        var title = Mrkdwn.Escape(fix.Details.FindingTitle);
        if (campaign is null)
        {
            const string gone = "the campaign is no longer one this workspace reads (deleted, or its advertiser disconnected)";
            return new("Skipped", gone, $":information_source: No follow-up on *{title}*: {gone}.");
        }

        if (campaign.DeliveryStatus is CampaignStatus.Paused or CampaignStatus.Deleted)
        {
            var why = $"*{Mrkdwn.Escape(campaign.Name)}* was {(campaign.DeliveryStatus == CampaignStatus.Deleted ? "deleted" : "paused")} since" +
                (campaign.StatusChangedOn is { } on ? $" (by {on:yyyy-MM-dd})" : "") + ", so its figures say nothing about the fix";
            return new("Skipped", why, $":information_source: No follow-up on *{title}*: {why}.");
        }

        if (fix.Details.Metric is not { } metric)
        {
            const string none = "the finding names no metric to compare";
            return new("Skipped", none, $":information_source: No follow-up on *{title}*: {none}.");
        }

        var before = await reports.OverviewAsync(teamId, campaign, new Period(PeriodKind.Range, Range: periods!.Before), ct);
        var after = await reports.OverviewAsync(teamId, campaign, new Period(PeriodKind.Range, Range: periods.After), ct);
        var outcome = FixOutcome.Judge(metric, before.Facts.Current.Counts, after.Facts.Current.Counts, options.CurrentValue);
        var name = MetricCatalogue.Get(metric).DisplayName;
        var figures = $"{name} {MetricFormat.Format(metric, outcome.Before, campaign.Currency)} → {MetricFormat.Format(metric, outcome.After, campaign.Currency)}" +
            (outcome.ChangePercent is { } change ? $" ({change:+0.0;-0.0;0}%)" : "") +
            $", {periods.Before.Start:yyyy-MM-dd}..{periods.Before.End:yyyy-MM-dd} against {periods.After.Start:yyyy-MM-dd}..{periods.After.End:yyyy-MM-dd}";
        var verdict = outcome.Verdict switch
        {
            FixVerdict.Better => ":white_check_mark: It worked",
            FixVerdict.Worse => ":x: It made things worse",
            _ => ":hourglass: No clear change yet" + (outcome.VolumeNeeded is { } needed ? $": {Mrkdwn.Escape(needed)}" : ""),
        };
        var text = $"*Follow-up on {title}* (<@{fix.Details.OwnerId}>, {Mrkdwn.Escape(campaign.Name)}): {verdict}.\n{figures}.";
        if (outcome.Verdict != FixVerdict.Better &&
            after.Diagnosis.Findings.FirstOrDefault(f => f.IsProblem && f.RuleId != fix.Details.RuleId) is { } next)
        {
            text += $"\nNext to look at: *{Mrkdwn.Escape(next.Title)}* (`/ttmetrics {Mrkdwn.Escape(campaign.Name)} fix`).";
        }

        return new(outcome.Verdict.ToString(), figures, text);
    }

    /// <summary>A stored verdict in a few words, for the digest and the weekly recap.</summary>
    public static string Words(string? verdict) => verdict switch
    {
        nameof(FixVerdict.Better) => ":white_check_mark: better",
        nameof(FixVerdict.Worse) => ":x: worse",
        nameof(FixVerdict.NoClearChange) => ":hourglass: no clear change yet",
        _ => ":information_source: no follow-up",
    };

    /// <summary>The change's day in the advertiser's days.</summary>
    public static DateOnly ChangedOn(Fix fix, CampaignInfo campaign) => BusinessCalendar.At(fix.DoneAt!.Value, campaign.TimeZone).Today;
}
