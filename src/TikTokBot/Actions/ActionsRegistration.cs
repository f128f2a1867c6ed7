using TikTokBot.Domain.Actions;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

internal static class ActionsRegistration
{
    /// <summary>Binds <c>Actions:*</c>, and registers the write target and <see cref="IActionsService"/>.</summary>
    public static IServiceCollection AddActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ActionOptions>(configuration.GetSection(ActionOptions.SectionName));
        services.AddTikTokWriteTarget(configuration);
        services.AddSingleton<IWorkspaceAdvertisers, WorkspaceAdvertisers>();
        services.AddSingleton<IActionLearning, CampaignLearning>();
        services.AddActionSteps();
        services.AddSingleton<FixButtons>();
        services.AddSingleton<Reports.IFindingButtons>(sp => sp.GetRequiredService<FixButtons>());
        return services;
    }

    /// <summary>The steps of an action and the service in front of them, over the workspace's storage, advertisers, write targets and permission.</summary>
    internal static IServiceCollection AddActionSteps(this IServiceCollection services)
    {
        services.AddSingleton<AdvertiserReach>();
        services.AddSingleton<ActionLookup>();
        services.AddSingleton<ActionProposals>();
        services.AddSingleton<ActionApprovals>();
        services.AddSingleton<ActionExecution>();
        services.AddSingleton<ActionUndo>();
        services.AddSingleton<IActionsService, ActionsService>();
        return services;
    }
}
