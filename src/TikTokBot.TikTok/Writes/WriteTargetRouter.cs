namespace TikTokBot.TikTok.Writes;

/// <summary>Which target an advertiser's actions go to, decided with the workspace that owns it.</summary>
public enum WriteRoute
{
    /// <summary>The deployment's own source (<c>TikTok:Source</c>): the static token's advertisers, an export, the demo data.</summary>
    Deployment,

    /// <summary>An advertiser the workspace connected, with its own token: always TikTok's API.</summary>
    Connected,

    /// <summary>The demo data a workspace without a connection reads: always simulated.</summary>
    Demo,
}

/// <summary>Where one advertiser's actions go.</summary>
public interface IWriteTargets
{
    ITikTokWriteTarget For(AdvertiserAccess access);
}

/// <summary>
/// An advertiser connected by a workspace (its own token) is written to through TikTok's API, whatever the deployment
/// reads; the demo data read by a workspace without a connection is simulated in memory; any other (the static
/// token's, or a CSV's) goes to the deployment's own target, following <c>TikTok:Source</c>.
/// </summary>
public sealed class WriteTargetRouter(ITikTokWriteTarget deployment, Func<ITikTokWriteTarget> api, Func<ITikTokWriteTarget> demo) : IWriteTargets
{
    private readonly Lazy<ITikTokWriteTarget> _api = new(api);
    private readonly Lazy<ITikTokWriteTarget> _demo = new(demo);

    /// <summary>Every advertiser to one target (a deployment of one kind, or a test).</summary>
    public static WriteTargetRouter Only(ITikTokWriteTarget target) => new(target, () => target, () => target);

    public ITikTokWriteTarget For(AdvertiserAccess access) => access.Route switch
    {
        WriteRoute.Connected => _api.Value,
        WriteRoute.Demo => _demo.Value,
        _ => deployment,
    };
}
