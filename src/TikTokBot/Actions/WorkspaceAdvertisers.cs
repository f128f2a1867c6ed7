using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// Which TikTok advertisers a Slack workspace may act on. Every action asks it with the workspace of the person
/// asking, never with a value from a button, so a forged value naming another workspace's advertiser finds nothing.
/// </summary>
public interface IWorkspaceAdvertisers
{
    /// <summary>The advertiser with its token, currency and time zone when team <paramref name="teamId"/> owns it; otherwise null.</summary>
    Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct);
}

/// <summary>
/// The single-operator case: the static <c>TikTok:AccessToken</c> with <c>TikTok:AdvertiserIds</c> (or the demo
/// advertiser) belongs to whoever runs this app, so each workspace it serves owns exactly those advertisers. Their time
/// zone and currency are <c>TikTok:AdvertiserTimeZone</c> (default UTC) and <c>TikTok:AdvertiserCurrency</c> (USD).
/// Per-workspace connections (TikTok accounts) replace this with each workspace's own advertisers.
/// </summary>
public sealed class StaticWorkspaceAdvertisers(IConfiguration configuration) : IWorkspaceAdvertisers
{
    private readonly IConfigurationSection _tiktok = configuration.GetSection("TikTok");

    public Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct)
    {
        Enum.TryParse<MetricSourceKind>(_tiktok["Source"] ?? nameof(MetricSourceKind.Demo), ignoreCase: true, out var kind);
        var owned = kind switch
        {
            MetricSourceKind.Api => (_tiktok.Get<TikTokApiOptions>() ?? new TikTokApiOptions()).Advertisers,
            MetricSourceKind.Demo => [DemoDataSet.AdvertiserId],
            _ => [],
        };
        return Task.FromResult(string.IsNullOrEmpty(teamId) || !owned.Contains(advertiserId, StringComparer.Ordinal)
            ? null
            : new AdvertiserAccess(advertiserId, null, _tiktok["AdvertiserCurrency"] ?? "USD", _tiktok["AdvertiserTimeZone"] ?? "UTC"));
    }
}
