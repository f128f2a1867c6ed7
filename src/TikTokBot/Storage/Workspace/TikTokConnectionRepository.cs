using Microsoft.AspNetCore.DataProtection;
using static TikTokBot.Storage.Workspace.WorkspaceStorage;

namespace TikTokBot.Storage.Workspace;

internal sealed class TikTokConnectionRepository(TeamScope scope, IDataProtector tokens) : ITikTokConnectionRepository
{
    private const string Setting = "tiktok connection";

    private const string Select =
        """
        SELECT advertiser_id AS AdvertiserId, advertiser_name AS Name, currency AS Currency, time_zone AS TimeZone, access_token AS AccessToken,
               connected_by AS ConnectedBy, connected_at AS ConnectedAt, token_state AS TokenState, token_refused_at AS TokenRefusedAt
        FROM tiktok_connections
        """;

    public Task<IReadOnlyList<TikTokConnection>> ConnectAsync(
        IReadOnlyList<TikTokAdvertiserDetails> advertisers, string accessToken, string connectedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectedBy);
        if (advertisers.Count == 0)
        {
            throw new ArgumentException("At least one advertiser is needed to connect.", nameof(advertisers));
        }

        return scope.WriteAsync<IReadOnlyList<TikTokConnection>>(async write =>
        {
            var connected = new List<TikTokConnection>();
            var protectedToken = tokens.Protect(accessToken);
            foreach (var advertiser in advertisers)
            {
                var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND advertiser_id = @advertiserId;", new { advertiserId = advertiser.AdvertiserId });
                await write.ExecuteAsync(
                    """
                    INSERT INTO tiktok_connections (team_id, advertiser_id, advertiser_name, currency, time_zone, access_token, connected_by, connected_at, token_state, token_refused_at)
                    VALUES (@team, @advertiserId, @name, @currency, @timeZone, @token, @connectedBy, @connectedAt, 'ok', NULL)
                    ON CONFLICT (team_id, advertiser_id) DO UPDATE SET
                        advertiser_name = excluded.advertiser_name, currency = excluded.currency, time_zone = excluded.time_zone,
                        access_token = excluded.access_token, connected_by = excluded.connected_by, connected_at = excluded.connected_at,
                        token_state = 'ok', token_refused_at = NULL;
                    """,
                    new
                    {
                        advertiserId = advertiser.AdvertiserId,
                        name = advertiser.Name,
                        currency = advertiser.Currency.ToUpperInvariant(),
                        timeZone = advertiser.TimeZone,
                        token = protectedToken,
                        connectedBy,
                        connectedAt = write.Database.Instant(write.Now),
                    });

                // The audit names the advertiser and its account settings, never the token.
                await write.AuditAsync(Setting, advertiser.AdvertiserId, old is null ? null : Describe(old), Describe(advertiser), connectedBy);
                connected.Add(new TikTokConnection(advertiser.AdvertiserId, advertiser.Name, advertiser.Currency.ToUpperInvariant(), advertiser.TimeZone, accessToken,
                    connectedBy, write.Now, TikTokTokenState.Ok, null));
            }

            return connected;
        }, ct);
    }

    public async Task<TikTokConnection?> FindAsync(string advertiserId, CancellationToken ct)
    {
        var row = await scope.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND advertiser_id = @advertiserId;", new { advertiserId }, ct);
        return row is null ? null : ToConnection(row);
    }

    public async Task<IReadOnlyList<TikTokConnection>> ListAsync(CancellationToken ct) =>
        (await scope.QueryAsync<Row>($"{Select} WHERE team_id = @team ORDER BY advertiser_name, advertiser_id;", null, ct)).Select(ToConnection).ToList();

    public Task<bool> DisconnectAsync(string advertiserId, string removedBy, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var old = await write.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE team_id = @team AND advertiser_id = @advertiserId;", new { advertiserId });
        if (old is null)
        {
            return false;
        }

        await write.ExecuteAsync("DELETE FROM channel_advertisers WHERE team_id = @team AND advertiser_id = @advertiserId;", new { advertiserId });
        await write.ExecuteAsync("DELETE FROM tiktok_connections WHERE team_id = @team AND advertiser_id = @advertiserId;", new { advertiserId });
        await write.AuditAsync(Setting, advertiserId, Describe(old), null, removedBy);
        return true;
    }, ct);

    public Task<bool> MarkTokenRefusedAsync(string advertiserId, CancellationToken ct) => scope.WriteAsync(async write =>
    {
        var marked = await write.ExecuteAsync(
            "UPDATE tiktok_connections SET token_state = 'refused', token_refused_at = @now WHERE team_id = @team AND advertiser_id = @advertiserId AND token_state = 'ok';",
            new { advertiserId, now = write.Database.Instant(write.Now) });
        if (marked == 0)
        {
            return false;
        }

        await write.AuditAsync(Setting, advertiserId, "token ok", "token refused by TikTok", "tiktok");
        return true;
    }, ct);

    private static string Describe(Row row) => $"{row.Name} ({row.Currency}, {row.TimeZone})";

    private static string Describe(TikTokAdvertiserDetails advertiser) => $"{advertiser.Name} ({advertiser.Currency.ToUpperInvariant()}, {advertiser.TimeZone})";

    private TikTokConnection ToConnection(Row row) => new(
        row.AdvertiserId, row.Name, row.Currency, row.TimeZone, tokens.Unprotect(row.AccessToken), row.ConnectedBy, scope.Database.ReadInstant(row.ConnectedAt),
        row.TokenState == "refused" ? TikTokTokenState.Refused : TikTokTokenState.Ok, scope.Database.ReadOptionalInstant(row.TokenRefusedAt));

    private sealed class Row
    {
        public string AdvertiserId { get; set; } = "";

        public string Name { get; set; } = "";

        public string Currency { get; set; } = "";

        public string TimeZone { get; set; } = "";

        public string AccessToken { get; set; } = "";

        public string ConnectedBy { get; set; } = "";

        public object ConnectedAt { get; set; } = "";

        public string TokenState { get; set; } = "";

        public object? TokenRefusedAt { get; set; }
    }
}
