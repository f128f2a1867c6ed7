using Hangfire;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Checkins;

/// <summary>
/// The follow-ups (Hangfire recurring job <c>checkins:follow-ups</c>): every applied fix whose periods
/// (<see cref="FixPeriods"/>) have closed in its advertiser's days gets one answer in its thread, with the targeted
/// metric before and after and the verdict of <see cref="FixOutcome"/>; the next finding when it did not help. A
/// campaign paused, deleted or no longer read gets none, and the thread is told why. Each follow-up is claimed first,
/// so however many instances run the job, it is posted once.
/// </summary>
internal sealed class FollowUpJob(
    IWorkspaceStorage storage, ReportService reports, ISlackWebApiFactory slack, PlaygroundFollowUps playground, IOptionsMonitor<FixOutcomeOptions> options,
    TimeProvider time, ILogger<FollowUpJob> logger)
{
    /// <summary>How long a claim stays its instance's before another may take over a follow-up never posted.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [JobDisplayName("Check-in follow-ups")]
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var teamId in await storage.ListTeamsAsync(ct))
        {
            try
            {
                await RunAsync(teamId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Follow-ups of team {TeamId} failed; they are tried again at the next run", teamId);
            }
        }
    }

    /// <summary>The workspace's due follow-ups; returns how many this run posted.</summary>
    public async Task<int> RunAsync(string teamId, CancellationToken ct)
    {
        var fixes = storage.ForTeam(teamId).Fixes;
        // Due by UTC's calendar at the latest; each fix is checked again in its own advertiser's days below.
        var due = await fixes.ListFollowUpsDueAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1), ct);
        var posted = 0;
        foreach (var fix in due)
        {
            var campaign = await reports.FindByIdAsync(teamId, fix.Details.CampaignId, ct);
            FixPeriods? periods = null;
            if (campaign is not null)
            {
                periods = FixPeriods.On(ChangedOn(fix, campaign), reports.DaysOf(campaign).Today.AddDays(-1), fix.RestartsLearning, options.CurrentValue);
                if (periods is null)
                {
                    continue;
                }
            }

            if (!await fixes.TryClaimFollowUpAsync(fix.FixId, time.GetUtcNow() - Lease, ct))
            {
                continue;
            }

            var (verdict, note, text) = await AnswerAsync(teamId, fix, campaign, periods, ct);
            var message = CheckinViews.FollowUp(text, fix.Details.ChannelId, fix.Details.ThreadTs);
            if (teamId == Accounts.WorkspaceReadPolicy.PlaygroundTeam)
            {
                // The playground has no Slack: its page draws the follow-up under the report it answers.
                playground.Keep(message);
            }
            else
            {
                await (await slack.ForTeamAsync(null, teamId, ct)).PostMessageAsync(message, ct);
            }

            await fixes.RecordFollowUpAsync(fix.FixId, verdict, note, ct);
            logger.LogInformation("Fix {FixId} of team {TeamId} followed up: {Verdict}", fix.FixId, teamId, verdict);
            posted++;
        }

        return posted;
    }

    private async Task<(string Verdict, string Note, string Text)> AnswerAsync(string teamId, Fix fix, CampaignInfo? campaign, FixPeriods? periods, CancellationToken ct)
    {
        var title = Mrkdwn.Escape(fix.Details.FindingTitle);
        if (campaign is null)
        {
            const string gone = "the campaign is no longer one this workspace reads (deleted, or its advertiser disconnected)";
            return ("Skipped", gone, $":information_source: No follow-up on *{title}*: {gone}.");
        }

        if (campaign.DeliveryStatus is CampaignStatus.Paused or CampaignStatus.Deleted)
        {
            var why = $"*{Mrkdwn.Escape(campaign.Name)}* was {(campaign.DeliveryStatus == CampaignStatus.Deleted ? "deleted" : "paused")} since" +
                (campaign.StatusChangedOn is { } on ? $" (by {on:yyyy-MM-dd})" : "") + ", so its figures say nothing about the fix";
            return ("Skipped", why, $":information_source: No follow-up on *{title}*: {why}.");
        }

        if (fix.Details.Metric is not { } metric)
        {
            const string none = "the finding names no metric to compare";
            return ("Skipped", none, $":information_source: No follow-up on *{title}*: {none}.");
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

        return (outcome.Verdict.ToString(), figures, text);
    }

    /// <summary>The change's day in the advertiser's days.</summary>
    private static DateOnly ChangedOn(Fix fix, CampaignInfo campaign)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(campaign.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fix.DoneAt!.Value, zone).DateTime);
    }
}
