using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Accounts;

/// <summary>Where one workspace's figures come from; <see cref="Name"/> is the report cache's Source for them.</summary>
internal sealed record WorkspaceSource(IMetricSource Source, CampaignFactsLoader Loader, string Name, bool IsDemo)
{
    /// <summary>What every reply to this workspace must say besides its answer: demo figures, a token TikTok refused; null when nothing.</summary>
    public string? Notice { get; init; }
}

/// <summary>The source of each workspace's campaigns: its own connected advertisers, or what the deployment serves it.</summary>
internal interface IWorkspaceSources
{
    Task<WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct);

    /// <summary>The workspace's TikTok connections as its reads see them (kept for <c>TikTok:ConnectionsFreshFor</c>).</summary>
    Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct);

    /// <summary>What a workspace without connections reads (the deployment's static token or CSV, or the demo data); null when nothing.</summary>
    WorkspaceSource? DeploymentSource => null;
}

/// <summary>Configuration <c>TikTok:*</c> deciding what a workspace without a connection reads.</summary>
internal sealed class WorkspaceSourceOptions
{
    /// <summary>A workspace with no TikTok account connected reads the demo data (every reply says so).</summary>
    public bool DemoForUnconnected { get; set; } = true;

    /// <summary>With the OAuth install, the one workspace the static <c>TikTok:AccessToken</c> or CSV may serve.</summary>
    public string? StaticTokenTeam { get; set; }

    /// <summary>
    /// How long an instance answers from the connections list it last read (zero: read it every time). Changes made on this
    /// instance are seen at once; one made on another instance sharing the database is seen within this time.
    /// </summary>
    public TimeSpan ConnectionsFreshFor { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A workspace with connections reads only its own advertisers, with their token, through the app's one TikTok client
/// (so one quota for all). Its answers are cached under its advertisers and a fingerprint of the token, so two
/// workspaces never share one; the advertiser-wide TikTok reports behind them are shared by advertiser and range
/// (<see cref="ApiMetricSource"/>), so two workspaces connected to one advertiser ask TikTok once. Without connections: the deployment's static token or CSV when it serves only this
/// workspace, else the demo data (<see cref="WorkspaceSourceOptions.DemoForUnconnected"/>), else nothing.
/// </summary>
internal sealed class WorkspaceSources(
    IWorkspaceStorage storage, IMetricSource configured, WorkspaceReadPolicy policy, DemoMetricSource demo, TikTokApiClient api,
    IServiceProvider services, WorkspaceReadCache? reads = null) : IWorkspaceSources
{
    private readonly ConcurrentDictionary<string, WorkspaceSource> _connected = new(StringComparer.Ordinal);
    private readonly WorkspaceSource _static = new(configured, new CampaignFactsLoader(configured), (configured as CachedMetricSource)?.Name ?? "source", policy.Configured == MetricSourceKind.Demo);
    private readonly WorkspaceSourceOptions options = policy.Options;
    private WorkspaceSource? _demo;

    public WorkspaceSource? DeploymentSource =>
        policy.ForUnconnected switch
        {
            WorkspaceRead.Deployment => _static,
            WorkspaceRead.Demo => _demo ??= Demo(),
            _ => null,
        };

    public async Task<WorkspaceSource> SourceForAsync(string teamId, CancellationToken ct)
    {
        // The playground's workspace reads the demo data without asking for connections someone made from it.
        var connections = teamId == WorkspaceReadPolicy.PlaygroundTeam ? [] : await ConnectionsAsync(teamId, ct);
        var read = policy.Decide(teamId, connections.Count > 0);
        if (read == WorkspaceRead.Connected)
        {
            var refused = connections.Where(c => c.TokenState == TikTokTokenState.Refused).ToList();
            var notice = refused.Count == 0 ? null : WorkspaceNotices.TokenRefused(refused.Select(c => c.Name));
            var readable = connections.Where(c => c.TokenState == TikTokTokenState.Ok).ToList();
            if (readable.Count == 0)
            {
                // Nothing left to read: every command says what to do instead of failing on its own.
                var none = new RefusedTokenSource(notice!);
                return new WorkspaceSource(none, new CampaignFactsLoader(none), "refused", IsDemo: false) { Notice = notice };
            }

            var groups = readable.GroupBy(c => c.AccessToken, StringComparer.Ordinal).Select(g => Connected(teamId, g.Key, g.ToList())).ToList();
            return (groups.Count == 1 ? groups[0] : Combined(groups)) with { Notice = notice };
        }

        if (read == WorkspaceRead.Deployment)
        {
            return _static;
        }

        if (read == WorkspaceRead.Demo)
        {
            return _demo ??= Demo();
        }

        throw new MetricSourceException($"No TikTok account is connected to this workspace yet: `{AccountsService.ConnectCommand}` connects one.");
    }

    /// <summary>
    /// Every request and every digest asks for its workspace's source: the connections are read from the database once
    /// per <see cref="WorkspaceSourceOptions.ConnectionsFreshFor"/>, not once per request. A connect, disconnect or refusal
    /// on this instance is a write through its storage, which drops the kept list at once.
    /// </summary>
    public Task<IReadOnlyList<TikTokConnection>> ConnectionsAsync(string teamId, CancellationToken ct) =>
        reads is null
            ? storage.ForTeam(teamId).TikTokConnections.ListAsync(ct)
            : reads.ReadAsync(teamId, "tiktok-connections", options.ConnectionsFreshFor, () => storage.ForTeam(teamId).TikTokConnections.ListAsync(ct));

    private WorkspaceSource Connected(string teamId, string token, IReadOnlyList<TikTokConnection> connections)
    {
        var advertisers = connections.OrderBy(c => c.AdvertiserId, StringComparer.Ordinal)
            .Select(c => (c.AdvertiserId, new AdvertiserAccountDetails { Currency = c.Currency, TimeZone = c.TimeZone, Name = c.Name })).ToArray();
        var ids = advertisers.Select(a => a.AdvertiserId).ToArray();
        var details = string.Join(',', advertisers.Select(a => $"{a.Item2.Currency}/{a.Item2.TimeZone}/{a.Item2.Name}"));
        // The currency, time zone and name are in the name: an account whose settings changed at TikTok is not read from the old entries.
        var name = $"api:{string.Join(',', ids)}:{Fingerprint(token)}:{details}";
        return _connected.GetOrAdd($"{teamId}|{name}", _ =>
        {
            var client = api.WithToken(token);
            var source = new ApiMetricSource(client, Options().For(token, advertisers), Time(), services.GetService<ReportCache>());
            var cached = MetricSourceRegistration.Cached(services, source, name);
            // The watch belongs to this workspace: a refusal marks its connections, and no other workspace's.
            var watched = new TokenRefusalWatch(cached, connections.Select(c => c.Name).ToArray(), ct => RefusedAsync(teamId, ids, token, ct));
            return new WorkspaceSource(watched, new CampaignFactsLoader(watched), name, IsDemo: false);
        });
    }

    private async Task RefusedAsync(string teamId, IReadOnlyList<string> advertiserIds, string token, CancellationToken ct)
    {
        // Resolved when needed: the accounts service itself asks this class to forget a workspace after a change.
        var accounts = services.GetRequiredService<AccountsService>();
        foreach (var advertiserId in advertiserIds)
        {
            await accounts.MarkTokenRefusedAsync(teamId, advertiserId, token, ct);
        }
    }

    private WorkspaceSource Demo()
    {
        var cached = policy.Configured == MetricSourceKind.Demo ? configured : MetricSourceRegistration.Cached(services, demo, "demo");
        return new WorkspaceSource(cached, new CampaignFactsLoader(cached), "demo", IsDemo: true) { Notice = WorkspaceNotices.Demo };
    }

    private static WorkspaceSource Combined(IReadOnlyList<WorkspaceSource> parts)
    {
        var source = new CombinedMetricSource(parts.Select(p => p.Source).ToArray());
        return new WorkspaceSource(source, new CampaignFactsLoader(source), string.Join('+', parts.Select(p => p.Name)), IsDemo: false);
    }

    private TikTokApiOptions Options() => services.GetService<TikTokApiOptions>() ?? new TikTokApiOptions();

    private TimeProvider Time() => services.GetRequiredService<TimeProvider>();

    /// <summary>Enough of a hash to tell tokens apart in a cache key, never enough to recover one.</summary>
    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
}

/// <summary>
/// The advertisers of a workspace connected through several authorisations (several tokens): campaigns from all of
/// them, each campaign's figures from the source that lists it.
/// </summary>
internal sealed class CombinedMetricSource(IReadOnlyList<IMetricSource> parts) : IMetricSource
{
    public async Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        (await Task.WhenAll(parts.Select(p => p.ListCampaignsAsync(cancellationToken)))).SelectMany(c => c).ToArray();

    public async Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetDailyAsync(scope, range, cancellationToken)
            : (await Task.WhenAll(parts.Select(p => p.GetDailyAsync(scope, range, cancellationToken)))).SelectMany(d => d).ToArray();

    public async Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetReachAsync(scope, range, cancellationToken)
            : (await Task.WhenAll(parts.Select(p => p.GetReachAsync(scope, range, cancellationToken)))).FirstOrDefault(r => r is not null);

    public async Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken) =>
        await OwnerAsync(campaignId, cancellationToken) is { } owner ? await owner.GetBreakdownAsync(campaignId, by, range, cancellationToken) : [];

    // Hours are one advertiser's: only the source that lists the campaign can say which it reported.
    public async Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        scope.Level == ScopeLevel.Campaign && await OwnerAsync(scope.Id, cancellationToken) is { } owner
            ? await owner.GetHourlyAsync(scope, day, cancellationToken)
            : null;

    private async Task<IMetricSource?> OwnerAsync(string campaignId, CancellationToken ct)
    {
        foreach (var part in parts)
        {
            if ((await part.ListCampaignsAsync(ct)).Any(c => c.Id == campaignId))
            {
                return part;
            }
        }

        return null;
    }
}
