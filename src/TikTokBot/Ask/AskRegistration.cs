using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads.Events;

namespace TikTokBot.Ask;

internal static class AskRegistration
{
    /// <summary>Ask's services, each built once: the thread memory must outlive a request.</summary>
    public static IServiceCollection AddAsk(this IServiceCollection services, IConfiguration configuration) =>
        services
            .Configure<AskOptions>(configuration.GetSection(AskOptions.SectionName))
            .AddSingleton<AskService>()
            .AddSingleton<AskThreads>()
            .AddSingleton<AskConversation>()
            .AddSingleton<AskEventHandler>();

    /// <summary>The agent messages events and the 2024 assistant thread events (Ask's buttons go through the one router).</summary>
    public static SlackHandlerBuilder OnAsk(this SlackHandlerBuilder slack) =>
        slack
            .OnEvent<MessageEvent, AskEventHandler>()
            .OnEvent<AppHomeOpened, AskEventHandler>()
            .OnEvent<AppContextChanged, AskEventHandler>()
            .OnEvent<AssistantThreadStarted, AskEventHandler>()
            .OnEvent<AssistantThreadContextChanged, AskEventHandler>();
}
