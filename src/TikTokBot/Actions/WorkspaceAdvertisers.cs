using TikTokBot.Accounts;
using TikTokBot.Storage;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// A workspace acts on what it reads (as <see cref="Accounts.WorkspaceSources"/> decides): its own connected advertisers,
/// with their token, currency and time zone, when it has any; otherwise the deployment's static token
/// (<c>TikTok:AdvertiserIds</c>) or export when they serve this workspace (every workspace with the single bot token;
/// only <c>TikTok:StaticTokenTeam</c> with the OAuth install); otherwise the demo advertiser, simulated. The static
/// advertisers' time zone and currency are <c>TikTok:AdvertiserTimeZone</c> (default UTC) and
/// <c>TikTok:AdvertiserCurrency</c> (USD).
/// </summary>
internal sealed class WorkspaceAdvertisers(WorkspaceReadPolicy policy, IWorkspaceStorage storage, IWorkspaceSources sources) : IWorkspaceAdvertisers
{
    public Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct) =>
        FindAsync(teamId, advertiserId, () => storage.ForTeam(teamId).TikTokConnections.ListAsync(ct));

    // A reply with fix buttons asked the database on every press: the kept list is what the reply's figures came from anyway.
    public Task<AdvertiserAccess?> FindForButtonsAsync(string teamId, string advertiserId, CancellationToken ct) =>
        FindAsync(teamId, advertiserId, () => sources.ConnectionsAsync(teamId, ct));

    private async Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, Func<Task<IReadOnlyList<TikTokConnection>>> listConnections)
    {
        if (string.IsNullOrEmpty(teamId))
        {
            return null;
        }

        var connections = teamId == WorkspaceReadPolicy.PlaygroundTeam ? [] : await listConnections();
        var kind = policy.Configured;
        switch (policy.Decide(teamId, connections.Count > 0))
        {
            case WorkspaceRead.Connected:
                return connections.FirstOrDefault(c => c.AdvertiserId == advertiserId) is { } connected
                    ? new AdvertiserAccess(connected.AdvertiserId, connected.AccessToken, connected.Currency, connected.TimeZone, WriteRoute.Connected)
                    : null;
            case WorkspaceRead.Deployment:
                // An export's one advertiser is found too, so that the refusal says the export is read-only.
                return policy.DeploymentAdvertisers.Contains(advertiserId, StringComparer.Ordinal) ? Static(advertiserId, WriteRoute.Deployment) : null;
            case WorkspaceRead.Demo:
                return advertiserId == DemoDataSet.AdvertiserId ? Static(advertiserId, kind == MetricSourceKind.Demo ? WriteRoute.Deployment : WriteRoute.Demo) : null;
            default:
                return null;
        }
    }

    private AdvertiserAccess Static(string advertiserId, WriteRoute route) =>
        new(advertiserId, null, policy.Options.AdvertiserCurrency, policy.Options.AdvertiserTimeZone, route);
}
