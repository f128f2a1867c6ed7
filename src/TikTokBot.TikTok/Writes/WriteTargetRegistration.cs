using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Writes;

public static class WriteTargetRegistration
{
    /// <summary>
    /// Registers where actions go: the deployment's target following <c>TikTok:Source</c> (TikTok's API, the demo data
    /// in memory, or the CSV refusal), and <see cref="IWriteTargets"/>, which sends a workspace's connected advertisers
    /// to TikTok's API and the demo advertiser to the demo data whatever the deployment reads. Writes get their own HTTP client and timeout (<c>TikTok:WriteTimeout</c>, default 20 s), without the
    /// readers' retries: a write that timed out is read back, never simply sent again.
    /// </summary>
    public static IServiceCollection AddTikTokWriteTarget(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("TikTok");
        Enum.TryParse<MetricSourceKind>(section["Source"] ?? nameof(MetricSourceKind.Demo), ignoreCase: true, out var kind);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DemoMetricSource>();
        var timeout = section.GetValue("WriteTimeout", TimeSpan.FromSeconds(20));
        Quota.TikTokQuotaGrantHandler.AddTikTokQuotaGrants(services.AddHttpClient(nameof(TikTokWriteClient), http => http.Timeout = timeout));
        // Built when first needed: the API client for connected advertisers (any deployment), the demo's for the demo advertiser.
        services.AddSingleton(sp => new TikTokWriteClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TikTokWriteClient)), section.Get<TikTokApiOptions>() ?? new TikTokApiOptions(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TikTokWriteClient>>(), sp.GetService<Quota.TikTokQuota>()));
        services.AddSingleton(sp => new DemoWriteTarget(sp.GetRequiredService<DemoMetricSource>()));
        services.AddSingleton<ITikTokWriteTarget>(sp => kind switch
        {
            MetricSourceKind.Api => sp.GetRequiredService<TikTokWriteClient>(),
            MetricSourceKind.Csv => new CsvWriteTarget(),
            _ => sp.GetRequiredService<DemoWriteTarget>(),
        });
        // Every write drops the advertiser's entries from the app's one cache, so the next read shows it.
        services.AddSingleton<IWriteTargets>(sp =>
        {
            var cache = sp.GetRequiredService<Caching.ReportCache>();
            return new WriteTargetRouter(new InvalidatingWriteTarget(sp.GetRequiredService<ITikTokWriteTarget>(), cache),
                () => new InvalidatingWriteTarget(sp.GetRequiredService<TikTokWriteClient>(), cache),
                () => new InvalidatingWriteTarget(sp.GetRequiredService<DemoWriteTarget>(), cache));
        });
        return services;
    }
}
