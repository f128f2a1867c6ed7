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
    /// Registers where actions go, following <c>TikTok:Source</c>: TikTok's API, the demo data in memory, or the CSV
    /// refusal. Writes get their own HTTP client and timeout (<c>TikTok:WriteTimeout</c>, default 20 s), without the
    /// readers' retries: a write that timed out is read back, never simply sent again.
    /// </summary>
    public static IServiceCollection AddTikTokWriteTarget(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("TikTok");
        Enum.TryParse<MetricSourceKind>(section["Source"] ?? nameof(MetricSourceKind.Demo), ignoreCase: true, out var kind);
        services.TryAddSingleton(TimeProvider.System);
        switch (kind)
        {
            case MetricSourceKind.Api:
                var api = section.Get<TikTokApiOptions>() ?? new TikTokApiOptions();
                var timeout = section.GetValue("WriteTimeout", TimeSpan.FromSeconds(20));
                services.AddHttpClient(nameof(TikTokWriteClient), http => http.Timeout = timeout);
                services.AddSingleton<ITikTokWriteTarget>(sp => new TikTokWriteClient(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TikTokWriteClient)), api, sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<TikTokWriteClient>>()));
                break;
            case MetricSourceKind.Csv:
                services.AddSingleton<ITikTokWriteTarget, CsvWriteTarget>();
                break;
            default:
                services.TryAddSingleton<DemoMetricSource>();
                services.AddSingleton<ITikTokWriteTarget>(sp => new DemoWriteTarget(sp.GetRequiredService<DemoMetricSource>(),
                    () => sp.GetService<Caching.ReportCache>()?.Forget(Caching.CachedMetricSource.CampaignsKey("demo"))));
                break;
        }

        return services;
    }
}
