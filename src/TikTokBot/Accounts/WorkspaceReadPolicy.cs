using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Accounts;

/// <summary>
/// The one decision of which source a workspace reads, asked by the reads (<see cref="WorkspaceSources"/>) and by the
/// actions (which may act only on what the workspace reads). The playground's workspace, open to whoever may use the
/// playground, reads the demo data and nothing else. A workspace with connections reads them. Otherwise the
/// deployment's static token or export serves every workspace with the single bot token, but with the OAuth install
/// (any workspace may install) only <c>TikTok:StaticTokenTeam</c>; the rest read the demo data when
/// <c>TikTok:DemoForUnconnected</c>, else nothing.
/// </summary>
internal sealed class WorkspaceReadPolicy(MetricSourceKind configured, WorkspaceSourceOptions options, bool oauthInstall, IReadOnlyList<string> deploymentAdvertisers)
{
    /// <summary>The playground's own workspace id: it never reads a real advertiser.</summary>
    public const string PlaygroundTeam = "T-PLAYGROUND";

    public WorkspaceSourceOptions Options => options;

    /// <summary>The policy as configured: <c>TikTok:Source</c>, <c>TikTok:*</c> (<see cref="WorkspaceSourceOptions"/>) and whether <c>Slack:ClientId</c> (the OAuth install) is set.</summary>
    public static WorkspaceReadPolicy From(IConfiguration configuration)
    {
        var kind = Enum.TryParse<MetricSourceKind>(configuration["TikTok:Source"] ?? nameof(MetricSourceKind.Demo), ignoreCase: true, out var parsed) ? parsed : MetricSourceKind.Demo;
        var tiktok = configuration.GetSection("TikTok");
        IReadOnlyList<string> advertisers = kind switch
        {
            MetricSourceKind.Api => (tiktok.Get<TikTokApiOptions>() ?? new TikTokApiOptions()).Advertisers,
            // An export's campaigns carry no advertiser of their own: they stand under the export's one id.
            MetricSourceKind.Csv => [CsvMetricSource.AdvertiserId],
            _ => [DemoDataSet.AdvertiserId],
        };
        return new(kind, tiktok.Get<WorkspaceSourceOptions>() ?? new WorkspaceSourceOptions(),
            oauthInstall: !string.IsNullOrWhiteSpace(configuration["Slack:ClientId"]), advertisers);
    }

    /// <summary>The advertisers the deployment's own source reads (<c>TikTok:AdvertiserIds</c>, the export's, or the demo's).</summary>
    public IReadOnlyList<string> DeploymentAdvertisers => deploymentAdvertisers;

    /// <summary>The deployment's own source (Api, Csv or Demo).</summary>
    public MetricSourceKind Configured => configured;

    public WorkspaceRead Decide(string teamId, bool hasConnections) =>
        teamId == PlaygroundTeam ? WorkspaceRead.Demo
        : hasConnections ? WorkspaceRead.Connected
        : Unconnected(servedByDeployment: !oauthInstall || teamId == options.StaticTokenTeam);

    /// <summary>What a workspace without connections reads when nothing singles it out: the deployment's source with the single bot token, else the demo data.</summary>
    public WorkspaceRead ForUnconnected => Unconnected(servedByDeployment: !oauthInstall);

    private WorkspaceRead Unconnected(bool servedByDeployment) =>
        configured != MetricSourceKind.Demo && servedByDeployment ? WorkspaceRead.Deployment
        : configured == MetricSourceKind.Demo || options.DemoForUnconnected ? WorkspaceRead.Demo
        : WorkspaceRead.Nothing;
}
