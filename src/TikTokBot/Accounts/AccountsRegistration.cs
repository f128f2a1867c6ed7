using TikTokBot.Storage;
using TikTokBot.TikTok.Accounts;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Deployment;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Accounts;

internal static class AccountsRegistration
{
    /// <summary>Registers the TikTok accounts capability: the advertiser OAuth client, the state signer and <see cref="AccountsService"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTikTokAccounts(configuration);
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.SectionName));
        services.AddSingleton<ConnectStateSigner>();
        services.AddSingleton<AccountsService>();

        var sources = configuration.GetSection("TikTok").Get<WorkspaceSourceOptions>() ?? new WorkspaceSourceOptions();
        var oauthInstall = !string.IsNullOrWhiteSpace(configuration["Slack:ClientId"]);
        var staticSource = configuration["TikTok:Source"] is { } kind && !kind.Equals(nameof(MetricSourceKind.Demo), StringComparison.OrdinalIgnoreCase);
        if (oauthInstall && staticSource && string.IsNullOrWhiteSpace(sources.StaticTokenTeam))
        {
            // Any workspace can install the app: an operator's token or export would show its campaigns to all of them.
            throw new InvalidOperationException(
                "Slack:ClientId is set (any workspace may install the app), so TikTok:Source Api or Csv serves one workspace only: " +
                "set TikTok:StaticTokenTeam to its team id, or remove the static source and let each workspace connect TikTok.");
        }

        services.AddSingleton(sources);
        services.AddSingleton(WorkspaceReadPolicy.From(configuration));
        services.AddSingleton<TokenRefusals>();
        services.AddSingleton<IWorkspaceSources, WorkspaceSources>();
        return services;
    }
}
