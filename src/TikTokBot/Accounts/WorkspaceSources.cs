using System.Security.Cryptography;
using System.Text;
using TikTokBot.Storage;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Storage.WorkspaceReadCache;

namespace TikTokBot.Accounts;

/// <summary>
/// A workspace with connections reads only its own advertisers, with their token, through the app's one TikTok client
/// (so one quota for all). Its answers are cached under its advertisers and a fingerprint of the token, so two
/// workspaces never share one; the advertiser-wide TikTok reports behind them are shared by advertiser and range
/// (<see cref="ApiMetricSource"/>), so two workspaces connected to one advertiser ask TikTok once. Without connections: the deployment's static token or CSV when it serves only this
/// workspace, else the demo data (<see cref="WorkspaceSourceOptions.DemoForUnconnected"/>), else nothing.
/// </summary>
internal sealed class WorkspaceSources(
    IWorkspaceStorage storage, IMetricSource configured, WorkspaceReadPolicy policy, DemoMetricSource demo, TikTokApiClient api,
    ReportCache cache, MetricCacheOptions cacheOptions, TikTokApiOptions apiOptions, TimeProvider time, TokenRefusals refusals, WorkspaceReadCache reads)
    : IWorkspaceSources
{
    private readonly WorkspaceSource _static = new(configured, new CampaignFactsLoader(configured), (configured as CachedMetricSource)?.Name ?? "source", policy.Configured == MetricSourceKind.Demo)
    {
        Tags = (configured as CachedMetricSource)?.Tags.ToArray() ?? [],
    };
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

            var groups = new List<WorkspaceSource>();
            foreach (var group in readable.GroupBy(c => c.AccessToken, StringComparer.Ordinal))
            {
                groups.Add(await ConnectedAsync(teamId, group.Key, group.ToList(), ct));
            }

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
        reads.ReadAsync(new WorkspaceReadKey(teamId, WorkspaceReadKind.TikTokConnections), options.ConnectionsFreshFor, () => storage.ForTeam(teamId).TikTokConnections.ListAsync(ct));

    // Kept in the one cache for the campaign list's lifetime under the workspace's and advertisers' tags: a connect,
    // disconnect or refusal (a write to the workspace) drops it with everything else built for the workspace.
    private Task<WorkspaceSource> ConnectedAsync(string teamId, string token, IReadOnlyList<TikTokConnection> connections, CancellationToken ct)
    {
        var advertisers = connections.OrderBy(c => c.AdvertiserId, StringComparer.Ordinal)
            .Select(c => (c.AdvertiserId, new AdvertiserAccountDetails { Currency = c.Currency, TimeZone = c.TimeZone, Name = c.Name })).ToArray();
        var ids = advertisers.Select(a => a.AdvertiserId).ToArray();
        var details = string.Join(',', advertisers.Select(a => $"{a.Item2.Currency}/{a.Item2.TimeZone}/{a.Item2.Name}"));
        // The currency, time zone and name are in the name: an account whose settings changed at TikTok is not read from the old entries.
        var name = $"api:{string.Join(',', ids)}:{Fingerprint(token)}:{details}";
        var tags = ids.Select(CacheTag.Advertiser).Append(CacheTag.Workspace(teamId)).ToArray();
        return cache.GetOrLoadFor(new ConnectedSourceKey(teamId, name), cacheOptions.CampaignsLifetime, tags, () =>
        {
            var client = api.WithToken(token);
            var source = new ApiMetricSource(client, apiOptions.For(token, advertisers), time, cache, cacheOptions);
            var cached = Cached(source, name, ids);
            // The watch belongs to this workspace: a refusal marks its connections, and no other workspace's.
            var watched = new TokenRefusalWatch(cached, connections.Select(c => c.Name).ToArray(), ct => RefusedAsync(teamId, ids, token, ct));
            return Task.FromResult(new WorkspaceSource(watched, new CampaignFactsLoader(watched), name, IsDemo: false) { Tags = cached.Tags.ToArray() });
        }, ct);
    }

    private async Task RefusedAsync(string teamId, IReadOnlyList<string> advertiserIds, string token, CancellationToken ct)
    {
        foreach (var advertiserId in advertiserIds)
        {
            await refusals.MarkAsync(teamId, advertiserId, token, ct);
        }
    }

    private WorkspaceSource Demo()
    {
        var cached = policy.Configured == MetricSourceKind.Demo ? configured : Cached(demo, "demo", [DemoDataSet.AdvertiserId]);
        return new WorkspaceSource(cached, new CampaignFactsLoader(cached), "demo", IsDemo: true)
        {
            Notice = WorkspaceNotices.Demo,
            Tags = [CacheTag.Advertiser(DemoDataSet.AdvertiserId)],
        };
    }

    private static WorkspaceSource Combined(IReadOnlyList<WorkspaceSource> parts)
    {
        var source = new CombinedMetricSource(parts.Select(p => p.Source).ToArray());
        return new WorkspaceSource(source, new CampaignFactsLoader(source), string.Join('+', parts.Select(p => p.Name)), IsDemo: false)
        {
            Tags = parts.SelectMany(p => p.Tags).Distinct().ToArray(),
        };
    }

    private CachedMetricSource Cached(IMetricSource inner, string name, IReadOnlyList<string> advertisers) =>
        new(inner, time, cacheOptions, cache, name, advertisers);

    /// <summary>Enough of a hash to tell tokens apart in a cache key, never enough to recover one.</summary>
    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];

    /// <summary>Where one workspace's figures come from; <see cref="Name"/> is the cache keys' Source for them.</summary>
    internal sealed record WorkspaceSource(IMetricSource Source, CampaignFactsLoader Loader, string Name, bool IsDemo)
    {
        /// <summary>The advertisers the source reads, as the one cache tags what is built from it (none for an export).</summary>
        public CacheTag[] Tags { get; init; } = [];

        /// <summary>What every reply to this workspace must say besides its answer: demo figures, a token TikTok refused; null when nothing.</summary>
        public string? Notice { get; init; }
    }

    /// <summary>Configuration <c>TikTok:*</c> deciding what a workspace without a connection reads, and what the deployment's own advertisers are.</summary>
    internal sealed class WorkspaceSourceOptions
    {
        /// <summary>A workspace with no TikTok account connected reads the demo data (every reply says so).</summary>
        public bool DemoForUnconnected { get; set; } = true;

        /// <summary>With the OAuth install, the one workspace the static <c>TikTok:AccessToken</c> or CSV may serve.</summary>
        public string? StaticTokenTeam { get; set; }

        /// <summary>The currency of the deployment's static advertisers (<c>TikTok:AdvertiserCurrency</c>); connected ones carry their own.</summary>
        public string AdvertiserCurrency { get; set; } = "USD";

        /// <summary>The time zone of the deployment's static advertisers (<c>TikTok:AdvertiserTimeZone</c>); connected ones carry their own.</summary>
        public string AdvertiserTimeZone { get; set; } = "UTC";

        /// <summary>
        /// How long an instance answers from the connections list it last read (zero: read it every time). Changes made on this
        /// instance are seen at once; one made on another instance sharing the database is seen within this time.
        /// </summary>
        public TimeSpan ConnectionsFreshFor { get; set; } = TimeSpan.FromSeconds(5);
    }
}
