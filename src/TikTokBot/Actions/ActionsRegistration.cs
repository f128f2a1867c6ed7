using TikTokBot.Domain.Actions;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

internal static class ActionsRegistration
{
    /// <summary>Binds <c>Actions:*</c>, and registers the write target and <see cref="ActionsService"/>.</summary>
    public static IServiceCollection AddActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ActionOptions>(configuration.GetSection(ActionOptions.SectionName));
        services.AddTikTokWriteTarget(configuration);
        services.AddSingleton<IWorkspaceAdvertisers, WorkspaceAdvertisers>();
        services.AddSingleton<IActionLearning, CampaignLearning>();
        services.AddSingleton<ActionsService>();
        services.AddSingleton<FixButtons>();
        services.AddSingleton<Reports.IFindingButtons>(sp => sp.GetRequiredService<FixButtons>());
        return services;
    }
}
