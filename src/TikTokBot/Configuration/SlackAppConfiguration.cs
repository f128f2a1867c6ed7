using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Ask;
using TikTokBot.Commands;
using TikTokBot.Digests;
using TikTokBot.Home;
using TikTokBot.Installations;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack;
using TikTokBot.Slack.OAuth;

namespace TikTokBot.Configuration;

public static class SlackAppConfiguration
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
            .AddSingleton<DemoSettings>()
            .AddSingleton<SettingsService>()
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
                .OnAction<FixButtonHandler>(ReportActions.Fix)
                .OnAction<FullFunnelButtonHandler>(ReportActions.Full)
                .OnAction<BreakdownMenuHandler>(ReportActions.Breakdown)
                .OnAction<ShareButtonHandler>(ReportActions.Share)
                .OnAction<ChartMenuHandler>(ChartMenuHandler.ActionId)
                .OnAction<SettingsButtonHandler>(ReportActions.Criteria)
                .OnAction<SettingsButtonHandler>(ReportActions.Credit)
                .OnAction<ActionButtonHandler>(ActionButtonIds.Confirm)
                .OnAction<ActionButtonHandler>(ActionButtonIds.Cancel)
                .OnAction<ActionButtonHandler>(ActionButtonIds.Approve)
                .OnAction<ActionButtonHandler>(ActionButtonIds.Reject)
                .OnAction<ActionButtonHandler>(ActionButtonIds.Undo)
                .OnAction<ProposeButtonHandler>(ActionButtonIds.Propose)
                .OnActionPrefix<ProposeButtonHandler>(ActionButtonIds.Propose + ".")
                .OnAction<Alerts.AlertButtonHandler>(Alerts.AlertButtonIds.Snooze)
                .OnAction<Alerts.AlertButtonHandler>(Alerts.AlertButtonIds.Mute)
                .OnAction<Alerts.AlertButtonHandler>(Alerts.AlertButtonIds.Unmute)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Criteria)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Credit)
                .OnAction<ConnectButtonHandler>(AccountsActions.Connect)
                .OnAction<ConnectButtonHandler>(AccountsActions.OpenAuthorisation)
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
            .AddSingleton<FixButtonHandler>()
            .AddSingleton<BreakdownMenuHandler>()
            .AddSingleton<ShareButtonHandler>()
            .AddSingleton<ChartMenuHandler>()
            .AddSingleton<SettingsButtonHandler>()
            .AddSingleton<SettingsSubmissionHandler>()
            .AddSingleton<ActionButtonHandler>()
            .AddSingleton<ProposeButtonHandler>()
            .AddSingleton<Alerts.AlertButtonHandler>()
            .AddSingleton<ConnectButtonHandler>()
            .AddSingleton<AppHomeHandler>();
}
