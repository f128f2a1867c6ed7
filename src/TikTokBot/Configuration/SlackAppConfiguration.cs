using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Ask;
using TikTokBot.Commands;
using TikTokBot.Digests;
using TikTokBot.Home;
using TikTokBot.Installations;
using TikTokBot.Interactions;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack;
using TikTokBot.Slack.OAuth;
using static TikTokBot.Reports.AccountHistory;

namespace TikTokBot.Configuration;

internal static class SlackAppConfiguration
{
    /// <summary>
    /// The capabilities' services (Reports, Settings, Digests, Home), each built once, the Slack library with their handlers (the slash
    /// command, the report's buttons, the settings modals, the Home tab), and installations kept in the app's database
    /// instead of the library's in-memory store.
    /// </summary>
    public static IServiceCollection AddSlackApp(this IServiceCollection services, IConfiguration configuration) =>
        services
            .Configure<PermissionOptions>(configuration.GetSection(PermissionOptions.SectionName))
            .AddSingleton<IPermissionPolicy, SlackPermissionPolicy>()
            .Configure<CommandOptions>(configuration.GetSection(CommandOptions.SectionName))
            .Configure<ReportOptions>(configuration.GetSection(ReportOptions.SectionName))
            .AddSingleton<ReportService>()
            .AddSingleton<AccountHistories>()
            .AddSingleton<ReportCommands>()
            // Seeds the demo campaigns' settings only where the demo data set is the source (null otherwise).
            .AddSingleton(s => new DemoSettings(s.GetService<TikTok.Demo.DemoMetricSource>()))
            .AddSingleton<SettingsService>()
            .AddSingleton<WorkspaceCampaigns>()
            .AddSingleton<SettingsCommands>()
            .AddSingleton<DigestService>()
            .AddSingleton<DigestCommands>()
            .AddSingleton<HomeService>()
            .AddSingleton<AccountsCommands>()
            .AddSingleton<ActionCommands>()
            .AddStatelessHandlers()
            .AddAsk(configuration)
            .AddSlack(configuration, slack => slack
                .OnCommand<MetricsCommandHandler>(CommandParser.Slash)
                .OnActions<SlackButtonHandler>(ButtonRouter.ActionIds)
                .OnActionPrefixes<SlackButtonHandler>(ButtonRouter.Prefixes)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Criteria)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Credit)
                .OnEvent<AppHomeHandler>("app_home_opened")
                .OnAsk())
            .Replace(ServiceDescriptor.Singleton<IInstallationStore, StoredInstallationStore>())
            .Replace(ServiceDescriptor.Singleton<IOAuthStateStore, StoredOAuthStateStore>());

    // The services and handlers keep no state per request, so each is built once: a slash command then resolves no
    // object graph (it was about fifteen objects per request). The Slack library registers handlers scoped only when
    // the app has not registered them already.
    private static IServiceCollection AddStatelessHandlers(this IServiceCollection services) =>
        services
            .AddSingleton<MetricsCommandHandler>()
            .AddSingleton<ButtonRouter>()
            .AddSingleton<SlackButtonHandler>()
            .AddSingleton<SettingsSubmissionHandler>()
            .AddSingleton<AppHomeHandler>();
}
