using Hangfire;
using TikTokBot.Domain.Checkins;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;

namespace TikTokBot.Checkins;

/// <summary>
/// The follow-ups (Hangfire recurring job <c>checkins:follow-ups</c>): every applied fix whose periods
/// (<see cref="FixPeriods"/>) have closed in its advertiser's days gets one answer in its thread, with the targeted
/// metric before and after and the verdict of <see cref="FixOutcome"/>; the next finding when it did not help. A
/// campaign paused, deleted or no longer read gets none, and the thread is told why. Each follow-up is claimed first,
/// so however many instances run the job, it is posted once.
/// </summary>
internal sealed class FollowUpJob(
    IWorkspaceStorage storage, ReportService reports, FollowUpAnswers answers, ISlackWebApiFactory slack, PlaygroundFollowUps playground, TimeProvider time,
    ILogger<FollowUpJob> logger)
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
                periods = answers.PeriodsOn(fix, campaign, reports.DaysOf(campaign).Today.AddDays(-1));
                if (periods is null)
                {
                    continue;
                }
            }

            if (!await fixes.TryClaimFollowUpAsync(fix.FixId, time.GetUtcNow() - Lease, ct))
            {
                continue;
            }

            var (verdict, note, text) = await answers.AnswerAsync(teamId, fix, campaign, periods, ct);
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
}
