using Microsoft.Extensions.Options;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>
/// Digests: the daily digest of a workspace's campaigns shown now, and the channels subscribed to it. Campaigns are named
/// by id (the caller resolves what a person typed through <see cref="ReportService"/>); who may subscribe is Settings' call.
/// </summary>
internal sealed class DigestService(
    ReportService reports, SettingsService settings, IWorkspaceStorage storage, DigestBuilder builder, DigestScheduler schedules, IOptions<DigestOptions> options,
    TimeProvider time)
{
    /// <summary>The digest as it stands now for the campaigns named (none: all), reporting yesterday.</summary>
    public async Task<DigestPreview> PreviewAsync(string teamId, IReadOnlyCollection<string> campaignIds, CancellationToken ct)
    {
        var built = await builder.BuildKeyedAsync(teamId, campaignIds, time.GetUtcNow(), ct);
        return new DigestPreview(built.Digests, built.Overviews, DigestBuilder.DayOf(built.Digests, reports.Days(teamId).Yesterday), await builder.NoticeAsync(teamId, ct));
    }

    public async Task<SubscribeResult> SubscribeAsync(
        Asker asker, string channelId, IReadOnlyList<string> campaignIds, TimeOnly? at, string? timeZone, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new SubscribeResult(null, null, refused.Refusal);
        }

        var defaults = options.Value;
        var details = new SubscriptionDetails(
            channelId, campaignIds.Distinct().ToArray(), at ?? defaults.DefaultLocalTime, timeZone ?? defaults.DefaultTimeZone, asker.EnterpriseId);
        var subscription = await storage.ForTeam(asker.TeamId).Subscriptions.SubscribeAsync(details, asker.UserId, ct);
        return new SubscribeResult(subscription, await schedules.ScheduleAsync(asker.TeamId, subscription, ct), null);
    }

    /// <summary>Stops the channel's digest; the stopped subscription, or null when the channel had none (or the person may not).</summary>
    public async Task<SettingsChange<ChannelSubscription>> UnsubscribeAsync(Asker asker, string? channelId, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return SettingsChange<ChannelSubscription>.Refused(refused);
        }

        var subscriptions = storage.ForTeam(asker.TeamId).Subscriptions;
        var subscription = channelId is null ? null : await subscriptions.FindByChannelAsync(channelId, ct);
        if (subscription is null || !await subscriptions.UnsubscribeAsync(subscription.ChannelId, asker.UserId, ct))
        {
            return new SettingsChange<ChannelSubscription>(null, null);
        }

        await schedules.UnscheduleAsync(asker.TeamId, subscription.Id, ct);
        return new SettingsChange<ChannelSubscription>(subscription, null);
    }

    public async Task<IReadOnlyList<SubscriptionStatus>> SubscriptionsAsync(string teamId, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        var statuses = new List<SubscriptionStatus>();
        foreach (var subscription in await store.Subscriptions.ListAsync(ct))
        {
            var last = (await store.Deliveries.ListAsync(subscription.Id, ct)).FirstOrDefault();
            var next = subscription.IsPaused ? null : await schedules.NextFiringAsync(teamId, subscription.Id, ct);
            statuses.Add(new SubscriptionStatus(subscription, next, last));
        }

        return statuses;
    }

    /// <summary>Campaign names by id, from one read of the campaign list however many subscriptions use it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CampaignNamesAsync(string teamId, CancellationToken ct) =>
        (await reports.CampaignsAsync(teamId, ct)).ToDictionary(c => c.Id, c => c.Name);
}
