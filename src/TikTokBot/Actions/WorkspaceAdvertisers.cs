using TikTokBot.Accounts;
using TikTokBot.Storage;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// Which TikTok advertisers a Slack workspace may act on. Every action asks it with the workspace of the person
/// asking, never with a value from a button, so a forged value naming another workspace's advertiser finds nothing.
/// </summary>
internal interface IWorkspaceAdvertisers
{
    /// <summary>The advertiser with its token, currency and time zone when team <paramref name="teamId"/> owns it; otherwise null.</summary>
    Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct);

    /// <summary>
    /// The same, from the connections the workspace's reads keep (<c>TikTok:ConnectionsFreshFor</c>) instead of the
    /// database: for deciding which buttons a reply shows. Every action asks <see cref="FindAsync"/> again before it writes.
    /// </summary>
    Task<AdvertiserAccess?> FindForButtonsAsync(string teamId, string advertiserId, CancellationToken ct) => FindAsync(teamId, advertiserId, ct);
}

/// <summary>
/// A workspace acts on what it reads (as <see cref="Accounts.WorkspaceSources"/> decides): its own connected advertisers,
/// with their token, currency and time zone, when it has any; otherwise the deployment's static token
/// (<c>TikTok:AdvertiserIds</c>) or export when they serve this workspace (every workspace with the single bot token;
/// only <c>TikTok:StaticTokenTeam</c> with the OAuth install); otherwise the demo advertiser, simulated. The static
/// advertisers' time zone and currency are <c>TikTok:AdvertiserTimeZone</c> (default UTC) and
/// <c>TikTok:AdvertiserCurrency</c> (USD).
/// </summary>
internal sealed class WorkspaceAdvertisers(IConfiguration configuration, IWorkspaceStorage storage, IWorkspaceSources? sources = null) : IWorkspaceAdvertisers
{
    private readonly IConfigurationSection _tiktok = configuration.GetSection("TikTok");
    private readonly WorkspaceReadPolicy _policy = WorkspaceReadPolicy.From(configuration);

    public Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct) =>
        FindAsync(teamId, advertiserId, () => storage.ForTeam(teamId).TikTokConnections.ListAsync(ct));

    // A reply with fix buttons asked the database on every press: the kept list is what the reply's figures came from anyway.
    public Task<AdvertiserAccess?> FindForButtonsAsync(string teamId, string advertiserId, CancellationToken ct) =>
        sources is null ? FindAsync(teamId, advertiserId, ct) : FindAsync(teamId, advertiserId, () => sources.ConnectionsAsync(teamId, ct));

    private async Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, Func<Task<IReadOnlyList<TikTokConnection>>> listConnections)
    {
        if (string.IsNullOrEmpty(teamId))
        {
            return null;
        }

        var connections = teamId == WorkspaceReadPolicy.PlaygroundTeam ? [] : await listConnections();
        var kind = _policy.Configured;
        switch (_policy.Decide(teamId, connections.Count > 0))
        {
            case WorkspaceRead.Connected:
                return connections.FirstOrDefault(c => c.AdvertiserId == advertiserId) is { } connected
                    ? new AdvertiserAccess(connected.AdvertiserId, connected.AccessToken, connected.Currency, connected.TimeZone, WriteRoute.Connected)
                    : null;
            case WorkspaceRead.Deployment:
                // An export's campaigns carry no advertiser: found, so that the refusal says the export is read-only.
                IReadOnlyList<string> owned = kind == MetricSourceKind.Api ? (_tiktok.Get<TikTokApiOptions>() ?? new TikTokApiOptions()).Advertisers : [CsvMetricSource.AdvertiserId];
                return owned.Contains(advertiserId, StringComparer.Ordinal) ? Static(advertiserId, WriteRoute.Deployment) : null;
            case WorkspaceRead.Demo:
                return advertiserId == DemoDataSet.AdvertiserId ? Static(advertiserId, kind == MetricSourceKind.Demo ? WriteRoute.Deployment : WriteRoute.Demo) : null;
            default:
                return null;
        }
    }

    private AdvertiserAccess Static(string advertiserId, WriteRoute route) =>
        new(advertiserId, null, _tiktok["AdvertiserCurrency"] ?? "USD", _tiktok["AdvertiserTimeZone"] ?? "UTC", route);
}
