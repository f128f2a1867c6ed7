using System.Globalization;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class AlertSubscriptionRepository(TeamScope scope) : IAlertSubscriptionRepository
{
    private const string Select =
        """
        SELECT channel_id AS ChannelId, campaign_ids AS CampaignIds, quiet_from AS QuietFrom, quiet_to AS QuietTo, time_zone AS TimeZone,
               subscribed_by AS SubscribedBy, subscribed_at AS SubscribedAt, critical_in_quiet_hours AS CriticalInQuietHours
        FROM alert_subscriptions
        """;

    private const string SelectSilences =
        "SELECT campaign_id AS CampaignId, rule_id AS RuleId, until AS Until, silenced_by AS SilencedBy, silenced_at AS SilencedAt FROM alert_silences";

    public Task<AlertSubscription> SubscribeAsync(AlertSubscriptionDetails details, string changedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.ChannelId);
        if (details.QuietFrom.HasValue != details.QuietTo.HasValue)
        {
            throw new ArgumentException("Quiet hours need both a start and an end.", nameof(details));
        }

        return scope.WriteAsync(async write =>
        {
            var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId = details.ChannelId });
            await write.ExecuteAsync(
                """
                INSERT INTO alert_subscriptions (team_id, channel_id, campaign_ids, quiet_from, quiet_to, time_zone, subscribed_by, subscribed_at)
                VALUES (@team, @channelId, @campaignIds, @quietFrom, @quietTo, @timeZone, @changedBy, @now)
                ON CONFLICT (team_id, channel_id) DO UPDATE SET
                    campaign_ids = excluded.campaign_ids, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                    time_zone = excluded.time_zone, subscribed_by = excluded.subscribed_by, subscribed_at = excluded.subscribed_at;
                """,
                new
                {
                    channelId = details.ChannelId, campaignIds = string.Join(' ', details.CampaignIds), quietFrom = Time(details.QuietFrom), quietTo = Time(details.QuietTo),
                    timeZone = details.TimeZone, changedBy, now = write.Database.Instant(write.Now),
                });
            // The critical-in-quiet-hours choice has its own command: turning alerts on again keeps it.
            var subscription = new AlertSubscription(
                details with { CampaignIds = [.. details.CampaignIds], CriticalInQuietHours = old is not null && Flag(old.CriticalInQuietHours) }, changedBy, write.Now);
            await write.AuditAsync("alerts", details.ChannelId, old is null ? null : Describe(ToSubscription(old)), Describe(subscription), changedBy);
            return subscription;
        }, ct);
    }

    public Task<bool> UnsubscribeAsync(string channelId, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM alert_subscriptions WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
        await write.AuditAsync("alerts", channelId, Describe(ToSubscription(old)), null, changedBy);
        return true;
    }, ct);

    public async Task<AlertSubscription?> FindAsync(string channelId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId }, ct);
        return row is null ? null : ToSubscription(row);
    }

    public async Task<IReadOnlyList<AlertSubscription>> ListAsync(CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team ORDER BY channel_id;", null, ct)).Select(ToSubscription).ToList();

    public Task<AlertSilence> SilenceAsync(string campaignId, string ruleId, DateTimeOffset? until, string changedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        return scope.WriteAsync(async write =>
        {
            var db = write.Database;
            var old = await write.QuerySingleOrDefaultAsync<SilenceRow>($"{SelectSilences} WHERE team_id = @team AND campaign_id = @campaignId AND rule_id = @ruleId;", new { campaignId, ruleId });
            await write.ExecuteAsync(
                """
                INSERT INTO alert_silences (team_id, campaign_id, rule_id, until, silenced_by, silenced_at)
                VALUES (@team, @campaignId, @ruleId, @until, @changedBy, @now)
                ON CONFLICT (team_id, campaign_id, rule_id) DO UPDATE SET
                    until = excluded.until, silenced_by = excluded.silenced_by, silenced_at = excluded.silenced_at;
                """,
                new { campaignId, ruleId, until = db.Instant(until), changedBy, now = db.Instant(write.Now) });
            var silence = new AlertSilence(campaignId, ruleId, until, changedBy, write.Now);
            await write.AuditAsync("alert silence", $"{campaignId} {ruleId}", old is null ? null : Describe(ToSilence(old)), Describe(silence), changedBy);
            return silence;
        }, ct);
    }

    public Task<bool> UnsilenceAsync(string campaignId, string ruleId, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<SilenceRow>($"{SelectSilences} WHERE team_id = @team AND campaign_id = @campaignId AND rule_id = @ruleId;", new { campaignId, ruleId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM alert_silences WHERE team_id = @team AND campaign_id = @campaignId AND rule_id = @ruleId;", new { campaignId, ruleId });
        await write.AuditAsync("alert silence", $"{campaignId} {ruleId}", Describe(ToSilence(old)), null, changedBy);
        return true;
    }, ct);

    public Task<bool> SetCriticalInQuietHoursAsync(string channelId, bool on, string changedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND channel_id = @channelId;", new { channelId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("UPDATE alert_subscriptions SET critical_in_quiet_hours = @on WHERE team_id = @team AND channel_id = @channelId;", new { channelId, on });
        await write.AuditAsync("alerts critical in quiet hours", channelId, Flag(old.CriticalInQuietHours) ? "on" : "off", on ? "on" : "off", changedBy);
        return true;
    }, ct);

    public async Task<IReadOnlyList<AlertSilence>> ListSilencesAsync(CancellationToken ct) =>
        (await scope.QueryAsync<SilenceRow>(
            $"{SelectSilences} WHERE team_id = @team AND (until IS NULL OR until > @now) ORDER BY campaign_id, rule_id;",
            new { now = scope.Database.Instant(scope.Now()) }, ct))
        .Select(ToSilence)
        .ToList();

    // SQLite answers an integer, PostgreSQL a boolean.
    private static bool Flag(object? value) => value is not null and not DBNull && Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ReadTime(string? text) => text is null ? null : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    private static string Describe(AlertSubscription s)
    {
        var campaigns = s.Details.CampaignIds.Count == 0 ? "all campaigns" : string.Join(", ", s.Details.CampaignIds);
        var quiet = s.Details.QuietFrom is { } from ? $", quiet {from:HH:mm}-{s.Details.QuietTo:HH:mm}" : "";
        return $"{campaigns}{quiet} ({s.Details.TimeZone})";
    }

    private static string Describe(AlertSilence s) =>
        s.Until is { } until ? $"snoozed until {until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "muted";

    private AlertSubscription ToSubscription(Row row) => new(
        new AlertSubscriptionDetails(row.ChannelId, row.CampaignIds.Split(' ', StringSplitOptions.RemoveEmptyEntries), ReadTime(row.QuietFrom), ReadTime(row.QuietTo), row.TimeZone,
            Flag(row.CriticalInQuietHours)),
        row.SubscribedBy,
        scope.Database.ReadInstant(row.SubscribedAt));

    private AlertSilence ToSilence(SilenceRow row) =>
        new(row.CampaignId, row.RuleId, scope.Database.ReadOptionalInstant(row.Until), row.SilencedBy, scope.Database.ReadInstant(row.SilencedAt));

    private sealed class Row
    {
        public string ChannelId { get; set; } = "";

        public string CampaignIds { get; set; } = "";

        public string? QuietFrom { get; set; }

        public string? QuietTo { get; set; }

        public string TimeZone { get; set; } = "";

        public string SubscribedBy { get; set; } = "";

        public object SubscribedAt { get; set; } = "";

        public object? CriticalInQuietHours { get; set; }
    }

    private sealed class SilenceRow
    {
        public string CampaignId { get; set; } = "";

        public string RuleId { get; set; } = "";

        public object? Until { get; set; }

        public string SilencedBy { get; set; } = "";

        public object SilencedAt { get; set; } = "";
    }
}
