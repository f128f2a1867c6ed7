using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Storage;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Alerts;

/// <summary>
/// Alerts: a channel's subscription, the workspace's scan on demand, and snoozes and mutes. Changing a subscription or a
/// mute takes the settings role (Settings decides who has it); a snooze is open to anyone, and audited like the rest.
/// </summary>
internal sealed class AlertsService(
    SettingsService settings, ReportService reports, IWorkspaceStorage storage, AlertScheduler scheduler, AlertScanner scanner, TimeProvider time)
{
    public const string DefaultTimeZone = "UTC";

    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(24);

    public async Task<AlertChange<AlertSubscription>> SubscribeAsync(Asker asker, AlertSubscriptionDetails details, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        var subscription = await storage.ForTeam(asker.TeamId).AlertSubscriptions.SubscribeAsync(details with { CampaignIds = details.CampaignIds.Distinct().ToArray() }, asker.UserId, ct);
        scheduler.EnsureScheduled(asker.TeamId);
        return new(subscription, null);
    }

    /// <summary>Turns the channel's alerts off; the last channel off stops the workspace's scan.</summary>
    public async Task<AlertChange<string>> UnsubscribeAsync(Asker asker, string channelId, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        var subscriptions = storage.ForTeam(asker.TeamId).AlertSubscriptions;
        if (!await subscriptions.UnsubscribeAsync(channelId, asker.UserId, ct))
        {
            return new(null, null);
        }

        if ((await subscriptions.ListAsync(ct)).Count == 0)
        {
            scheduler.Unschedule(asker.TeamId);
        }

        return new(channelId, null);
    }

    public async Task<AlertsOverview> OverviewAsync(string teamId, string? channelId, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        var channel = channelId is null ? null : await store.AlertSubscriptions.FindAsync(channelId, ct);
        var recent = channelId is null ? [] : await store.SentAlerts.ListRecentAsync(channelId, 10, ct);
        var counts = channelId is null ? [] : await store.SentAlerts.ListSilenceCountsAsync(channelId, ct);
        return new AlertsOverview(channel, recent, await store.AlertSubscriptions.ListSilencesAsync(ct), scheduler.NextScan(teamId), counts);
    }

    /// <summary>Whether the channel's critical alerts break its quiet hours (settings role); Saved is the choice, null when the channel has no alerts on.</summary>
    public async Task<AlertChange<string>> SetCriticalInQuietHoursAsync(Asker asker, bool on, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        var saved = asker.ChannelId is { } channel && await storage.ForTeam(asker.TeamId).AlertSubscriptions.SetCriticalInQuietHoursAsync(channel, on, asker.UserId, ct);
        return new(saved ? (on ? "on" : "off") : null, null);
    }

    /// <summary>The scan, now, of every campaign (even with no channel subscribed); the settings role only.</summary>
    public async Task<AlertChange<AlertScanResult>> CheckNowAsync(Asker asker, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        return new(await scanner.ScanAsync(asker.TeamId, evenUnsubscribed: true, ct), null);
    }

    /// <summary>Holds the rule on the campaign for 24 hours. Null when the campaign is not this workspace's.</summary>
    public async Task<AlertChange<AlertSilence>?> SnoozeAsync(Asker asker, AlertTarget target, CancellationToken ct)
    {
        if (!await OwnsAsync(asker.TeamId, target.CampaignId, ct))
        {
            return null;
        }

        var until = time.GetUtcNow() + SnoozeFor;
        var store = storage.ForTeam(asker.TeamId);
        var silence = await store.AlertSubscriptions.SilenceAsync(target.CampaignId, target.Rule.ToString(), until, asker.UserId, ct);
        await CountAsync(store, asker, target, mute: false, ct);
        return new(silence, null);
    }

    /// <summary>Mutes the rule on the campaign until undone (settings role). Null when the campaign is not this workspace's.</summary>
    public async Task<AlertChange<AlertSilence>?> MuteAsync(Asker asker, AlertTarget target, CancellationToken ct)
    {
        if (!await OwnsAsync(asker.TeamId, target.CampaignId, ct))
        {
            return null;
        }

        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        var store = storage.ForTeam(asker.TeamId);
        var silence = await store.AlertSubscriptions.SilenceAsync(target.CampaignId, target.Rule.ToString(), null, asker.UserId, ct);
        await CountAsync(store, asker, target, mute: true, ct);
        return new(silence, null);
    }

    /// <summary>Undoes a mute or snooze (settings role); Saved is the target when one was undone.</summary>
    public async Task<AlertChange<AlertTarget>> UnmuteAsync(Asker asker, AlertTarget target, CancellationToken ct)
    {
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return new(null, refused.Refusal);
        }

        // Only this workspace's rows are ever touched: the repository is the asker's team's.
        var undone = await storage.ForTeam(asker.TeamId).AlertSubscriptions.UnsilenceAsync(target.CampaignId, target.Rule.ToString(), asker.UserId, ct);
        return new(undone ? target : null, null);
    }

    /// <summary>Counts the press against the channel it was pressed in (an alert's channel): <c>alerts</c> lists what it silences most.</summary>
    private static async Task CountAsync(IWorkspaceStore store, Asker asker, AlertTarget target, bool mute, CancellationToken ct)
    {
        if (asker.ChannelId is { Length: > 0 } channel)
        {
            await store.SentAlerts.CountSilenceAsync(channel, target.Rule.ToString(), mute, ct);
        }
    }

    public async Task<string> CampaignNameAsync(string teamId, string campaignId, CancellationToken ct) =>
        (await reports.FindByIdAsync(teamId, campaignId, ct))?.Name ?? campaignId;

    /// <summary>A button's campaign must be one the presser's own workspace reads: a forged value for another's finds nothing.</summary>
    private async Task<bool> OwnsAsync(string teamId, string campaignId, CancellationToken ct) =>
        await reports.FindByIdAsync(teamId, campaignId, ct) is not null;
}
