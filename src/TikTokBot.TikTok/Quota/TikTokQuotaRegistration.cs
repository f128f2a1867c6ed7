using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TikTokBot.TikTok.Quota;

public static class TikTokQuotaRegistration
{
    /// <summary>
    /// The service key of the report task budget (<see cref="TikTokQuotaOptions.Tasks"/>): its <see cref="QuotaRules"/>,
    /// <see cref="IQuotaLedger"/> and <see cref="TikTokQuota"/> are registered under it beside the app's main budget.
    /// </summary>
    public const string TasksKey = "tiktok-report-tasks";

    /// <summary>
    /// Registers the app's <see cref="TikTokQuota"/> from <c>TikTok:Quota:*</c> with its ledger in this process; a
    /// storage shared by several instances replaces <see cref="IQuotaLedger"/> with one in its database.
    /// </summary>
    public static IServiceCollection AddTikTokQuota(this IServiceCollection services, IConfiguration tiktokSection)
    {
        var options = TikTokQuotaOptions.Read(tiktokSection);
        services.AddSingleton(options);
        services.AddSingleton(new QuotaRules(options));
        // The quota counts real seconds against TikTok's, whatever the app's business clock says (tests move that one).
        services.TryAddSingleton<IQuotaLedger>(sp => new InProcessQuotaLedger(sp.GetRequiredService<QuotaRules>(), TimeProvider.System));
        services.AddSingleton(sp => new TikTokQuota(sp.GetRequiredService<IQuotaLedger>(), sp.GetRequiredService<QuotaRules>(), TimeProvider.System,
            sp.GetRequiredService<ILogger<TikTokQuota>>(), sp.GetService<IMeterFactory>()));
        var tasks = new QuotaRules(options.ForTasks());
        services.AddKeyedSingleton(TasksKey, tasks);
        services.TryAddKeyedSingleton<IQuotaLedger>(TasksKey, (_, _) => new InProcessQuotaLedger(tasks, TimeProvider.System));
        services.AddKeyedSingleton(TasksKey, (sp, _) => new TikTokQuota(sp.GetRequiredKeyedService<IQuotaLedger>(TasksKey), tasks, TimeProvider.System,
            sp.GetRequiredService<ILogger<TikTokQuota>>()));
        return services;
    }
}
