using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.OAuth;
using TikTokBot.Slack.SocketMode;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack platform: options from the <c>Slack</c> section, request verification, the dispatcher
    /// and the handlers added in <paramref name="configure"/>, the Web API client, the in-memory installation
    /// store (replace <see cref="IInstallationStore"/> to persist), OAuth state and, when <c>Slack:AppToken</c>
    /// is set, the Socket Mode client.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration, Action<SlackHandlerBuilder>? configure = null)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName));

        var registry = new SlackHandlerRegistry();
        var builder = new SlackHandlerBuilder(services, registry);
        builder.OnEvent<UninstallHandler>("app_uninstalled").OnEvent<UninstallHandler>("tokens_revoked");
        configure?.Invoke(builder);
        services.AddSingleton(registry);

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<SlackApiTransport>();
        services.TryAddSingleton<ResponseUrlClient>();
        services.TryAddSingleton<IInstallationStore, InMemoryInstallationStore>();
        services.TryAddSingleton<ISlackWebApiFactory, SlackWebApiFactory>();
        services.TryAddSingleton<ISlackAppApi, SlackAppApi>();
        services.TryAddSingleton<IOAuthStateStore, InMemoryOAuthStateStore>();
        services.TryAddSingleton<OAuthStateService>();
        services.TryAddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        services.TryAddSingleton(sp => new SlackDispatcher(
            sp.GetRequiredService<SlackHandlerRegistry>(), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<SlackBackgroundWork>(), sp.GetRequiredService<ResponseUrlClient>(),
            sp.GetRequiredService<ISlackWebApiFactory>(), sp.GetRequiredService<IOptionsMonitor<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackDispatcher>>()));
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
