using System.Globalization;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class ChannelSubscriptionRepository(TeamScope scope) : IChannelSubscriptionRepository
{
    private const string Select =
        """
        SELECT id AS Id, channel_id AS ChannelId, local_time AS LocalTime, time_zone AS TimeZone,
               subscribed_by AS SubscribedBy, subscribed_at AS SubscribedAt, unsubscribed_at AS UnsubscribedAt,
               paused_reason AS PausedReason, enterprise_id AS EnterpriseId
        FROM channel_subscriptions
        """;

    private const string SelectCampaigns =
        "SELECT subscription_id AS SubscriptionId, campaign_id AS CampaignId FROM subscription_campaigns";

    public Task<ChannelSubscription> SubscribeAsync(SubscriptionDetails details, string subscribedBy, CancellationToken ct)
    {
        Validate(details);
        return scope.WriteAsync(async write =>
        {
            var db = write.Database;
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId = details.ChannelId });
            var id = old?.Id ?? Guid.CreateVersion7().ToString("N");
            var oldCampaigns = old is null
                ? []
                : (await write.QueryAsync<CampaignRow>($"{SelectCampaigns} WHERE team_id = @team AND subscription_id = @id ORDER BY position;", new { id })).Select(c => c.CampaignId).ToList();

            await write.ExecuteAsync(
                """
                INSERT INTO channel_subscriptions (team_id, id, channel_id, local_time, time_zone, subscribed_by, subscribed_at, unsubscribed_at, enterprise_id)
                VALUES (@team, @id, @channelId, @localTime, @timeZone, @subscribedBy, @subscribedAt, NULL, @enterpriseId)
                ON CONFLICT (team_id, channel_id) DO UPDATE SET
                    local_time = excluded.local_time, time_zone = excluded.time_zone, subscribed_by = excluded.subscribed_by, enterprise_id = excluded.enterprise_id,
                    subscribed_at = excluded.subscribed_at, unsubscribed_at = NULL, paused_at = NULL, paused_reason = NULL;
                """,
                new { id, channelId = details.ChannelId, localTime = FormatTime(details.LocalTime), timeZone = details.TimeZone, subscribedBy, subscribedAt = db.Instant(write.Now), enterpriseId = details.EnterpriseId });
            await write.ExecuteAsync("DELETE FROM subscription_campaigns WHERE team_id = @team AND subscription_id = @id;", new { id });
            for (var position = 0; position < details.CampaignIds.Count; position++)
            {
                await write.ExecuteAsync(
                    "INSERT INTO subscription_campaigns (team_id, subscription_id, position, campaign_id) VALUES (@team, @id, @position, @campaignId);",
                    new { id, position, campaignId = details.CampaignIds[position] });
            }

            var subscription = new ChannelSubscription(id, details.ChannelId, [.. details.CampaignIds], details.LocalTime, details.TimeZone, subscribedBy, write.Now, EnterpriseId: details.EnterpriseId);
            var oldValue = old is null || old.UnsubscribedAt is not null ? null : Describe(ToSubscription(old, oldCampaigns));
            await write.AuditAsync("subscription", details.ChannelId, oldValue, Describe(subscription), subscribedBy);
            return subscription;
        }, ct);
    }

    public async Task<ChannelSubscription?> FindAsync(string subscriptionId, CancellationToken ct) =>
        (await ReadAsync("AND id = @subscriptionId", new { subscriptionId }, ct)).SingleOrDefault();

    public async Task<ChannelSubscription?> FindByChannelAsync(string channelId, CancellationToken ct) =>
        (await ReadAsync("AND channel_id = @channelId", new { channelId }, ct)).SingleOrDefault();

    public Task<string?> FindChannelAsync(string subscriptionId, CancellationToken ct) =>
        scope.QuerySingleOrDefaultAsync<string>("SELECT channel_id FROM channel_subscriptions WHERE team_id = @team AND id = @subscriptionId;", new { subscriptionId }, ct);

    public Task<IReadOnlyList<ChannelSubscription>> ListAsync(CancellationToken ct) => ReadAsync("", null, ct);

    public Task<bool> UnsubscribeAsync(string channelId, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId AND unsubscribed_at IS NULL;", new { channelId });
        if (old is null)
        {
            return false;
        }

        var campaigns = await write.QueryAsync<CampaignRow>($"{SelectCampaigns} WHERE team_id = @team AND subscription_id = @id ORDER BY position;", new { id = old.Id });
        await write.ExecuteAsync(
            "UPDATE channel_subscriptions SET unsubscribed_at = @now WHERE team_id = @team AND id = @id;",
            new { id = old.Id, now = write.Database.Instant(write.Now) });
        await write.AuditAsync("subscription", channelId, Describe(ToSubscription(old, [.. campaigns.Select(c => c.CampaignId)])), null, changedBy);
        return true;
    }, ct);

    public Task<bool> PauseAsync(string subscriptionId, string reason, string changedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>(
                $"{Select} WHERE team_id = @team AND id = @subscriptionId AND unsubscribed_at IS NULL AND paused_at IS NULL;", new { subscriptionId });
            if (old is null)
            {
                return false;
            }

            await write.ExecuteAsync(
                "UPDATE channel_subscriptions SET paused_at = @now, paused_reason = @reason WHERE team_id = @team AND id = @subscriptionId;",
                new { subscriptionId, reason, now = write.Database.Instant(write.Now) });
            await write.AuditAsync("subscription", old.ChannelId, "active", $"paused: {reason}", changedBy);
            return true;
        }, ct);
    }

    private async Task<IReadOnlyList<ChannelSubscription>> ReadAsync(string filter, object? args, CancellationToken ct)
    {
        var rows = await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team AND unsubscribed_at IS NULL {filter} ORDER BY channel_id;", args, ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var campaigns = await scope.QueryAsync<CampaignRow>(
            $"""
            {SelectCampaigns} WHERE team_id = @team AND subscription_id IN
                (SELECT id FROM channel_subscriptions WHERE team_id = @team AND unsubscribed_at IS NULL {filter})
            ORDER BY subscription_id, position;
            """,
            args,
            ct);
        var bySubscription = campaigns.ToLookup(c => c.SubscriptionId, c => c.CampaignId);
        return rows.Select(row => ToSubscription(row, [.. bySubscription[row.Id]])).ToList();
    }

    private static void Validate(SubscriptionDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.ChannelId);
        if (details.CampaignIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("No campaign id may be empty; list none to follow every campaign.", nameof(details));
        }

        if (details.LocalTime.Second != 0 || details.LocalTime.Millisecond != 0 || details.LocalTime.Microsecond != 0)
        {
            throw new ArgumentException("A digest time is a whole minute, for example 09:00.", nameof(details));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(details.TimeZone, out _))
        {
            throw new ArgumentException($"'{details.TimeZone}' is not a time zone this machine knows; use an IANA name such as Europe/Berlin.", nameof(details));
        }
    }

    private static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Describe(ChannelSubscription subscription) =>
        $"{FormatTime(subscription.LocalTime)} {subscription.TimeZone}: {(subscription.AllCampaigns ? "all campaigns" : string.Join(", ", subscription.CampaignIds))}";

    private ChannelSubscription ToSubscription(Row row, IReadOnlyList<string> campaignIds) => new(
        row.Id,
        row.ChannelId,
        campaignIds,
        TimeOnly.ParseExact(row.LocalTime, "HH:mm", CultureInfo.InvariantCulture),
        row.TimeZone,
        row.SubscribedBy,
        scope.Database.ReadInstant(row.SubscribedAt),
        row.PausedReason,
        row.EnterpriseId);

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string LocalTime { get; set; } = "";

        public string TimeZone { get; set; } = "";

        public string SubscribedBy { get; set; } = "";

        public object SubscribedAt { get; set; } = "";

        public object? UnsubscribedAt { get; set; }

        public string? PausedReason { get; set; }

        public string? EnterpriseId { get; set; }
    }

    private sealed class CampaignRow
    {
        public string SubscriptionId { get; set; } = "";

        public string CampaignId { get; set; } = "";
    }
}
