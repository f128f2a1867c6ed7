using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using static TikTokBot.Checkins.DigestCheckin;

namespace TikTokBot.Checkins;

/// <summary>
/// What a channel's weekly recap job runs (<see cref="RecapScheduler"/>): the seven local days before the firing, in the
/// subscription's time zone, for the subscription's campaigns. The week is claimed before anything is posted and marked
/// posted after, so a second instance, a second firing or a retry posts nothing twice. A week with nothing applied or
/// followed up posts nothing.
/// </summary>
internal sealed class RecapJob(
    IWorkspaceStorage storage, ReportService reports, ISlackWebApiFactory slack, IOptionsMonitor<RecapOptions> options, IOptionsMonitor<CheckinDigestOptions> lines,
    TimeProvider time, ILogger<RecapJob> logger)
{
    /// <summary>The recurring run: the week before the firing (Hangfire's <c>Time</c> parameter; a run by hand, the app's clock).</summary>
    [JobDisplayName("Check-in recap {0}/{1}")]
    public async Task SendDueAsync(string teamId, string subscriptionId, PerformContext? context, CancellationToken ct)
    {
        var firedAt = context?.GetJobParameter<long?>("Time") is { } seconds
            ? new DateTimeOffset(JobHelper.FromTimestamp(seconds), TimeSpan.Zero)
            : time.GetUtcNow();
        await SendAsync(teamId, subscriptionId, firedAt, ct);
    }

    /// <summary>Posts the recap of the week before <paramref name="firedAt"/> once; true when this call claimed the week and finished it.</summary>
    public async Task<bool> SendAsync(string teamId, string subscriptionId, DateTimeOffset firedAt, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        if (await store.Subscriptions.FindAsync(subscriptionId, ct) is not { IsPaused: false } subscription)
        {
            return false;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firedAt, zone).DateTime);
        var week = new DateRange(today.AddDays(-7), today.AddDays(-1));
        if (!await store.Recaps.TryClaimAsync(subscription.Id, week.Start, options.CurrentValue.ClaimLease, ct))
        {
            logger.LogInformation("Recap {SubscriptionId} for the week of {WeekStart} is claimed or posted already", subscription.Id, week.Start);
            return false;
        }

        try
        {
            var campaigns = (await reports.CampaignsAsync(teamId, ct))
                .Where(c => subscription.AllCampaigns || subscription.CampaignIds.Contains(c.Id))
                .GroupBy(c => c.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

            // Two days' margin before the week: each fix is then placed in its own advertiser's days.
            var since = new DateTimeOffset(week.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-2);
            var fixes = (await store.Fixes.ListSinceAsync(since, ct))
                .Where(f => subscription.AllCampaigns || subscription.CampaignIds.Contains(f.Details.CampaignId))
                .ToList();
            var ts = "-";
            if (RecapView.Message(week, fixes, campaigns, lines.CurrentValue.MaxLines) is { } message)
            {
                var api = await slack.ForTeamAsync(subscription.EnterpriseId, teamId, ct);
                var posted = await api.PostMessageAsync(message with { Channel = subscription.ChannelId }, ct);
                ts = posted.Ts ?? posted.MessageTs ?? "-";
            }

            await store.Recaps.MarkPostedAsync(subscription.Id, week.Start, ts, ct);
            logger.LogInformation("Recap {SubscriptionId} for {WeekStart}..{WeekEnd} {Outcome} in {ChannelId}",
                subscription.Id, week.Start, week.End, ts == "-" ? "had nothing to say" : "posted", subscription.ChannelId);
            return true;
        }
        catch (Exception e)
        {
            // Given back, so the retry (or the next instance) claims it at once rather than after the lease.
            await store.Recaps.ReleaseAsync(subscription.Id, week.Start, CancellationToken.None);
            logger.LogWarning("Recap {SubscriptionId} for the week of {WeekStart} failed ({Failure}); given back for a retry", subscription.Id, week.Start, e.GetType().Name);
            throw;
        }
    }
}
