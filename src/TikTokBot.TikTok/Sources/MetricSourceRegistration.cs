using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Sources;

public enum MetricSourceKind
{
    Demo,
    Api,
    Csv,
}

public static class MetricSourceRegistration
{
    /// <summary>
    /// Registers the source chosen by <c>TikTok:Source</c> (<c>Demo</c> by default), behind the shared cache, and the
    /// campaign facts loader. A setting that cannot work stops start-up with a message saying what to set.
    /// </summary>
    public static IServiceCollection AddMetricSource(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("TikTok");
        var kindText = section["Source"] ?? nameof(MetricSourceKind.Demo);
        if (!Enum.TryParse<MetricSourceKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidOperationException($"TikTok:Source is \"{kindText}\"; set it to Demo, Api or Csv.");
        }

        services.AddSingleton(TimeProvider.System);
        var cacheOptions = section.GetSection("Cache").Get<MetricCacheOptions>() ?? new MetricCacheOptions();
        services.AddSingleton(cacheOptions);
        services.AddSingleton(sp => new ReportCache(sp.GetRequiredService<TimeProvider>(), cacheOptions.SizeLimit));
        services.AddSingleton<BusinessCalendar>();
        // One client for the app whatever the source: workspaces' own connections read through it (with their tokens),
        // so every TikTok call of this process takes its turn from the one quota (shared with the other instances
        // when the storage puts its ledger in their common database).
        var shared = section.Get<TikTokApiOptions>() ?? new TikTokApiOptions();
        // The deployment's token and advertisers when it reads the API (empty otherwise); a workspace's connections copy it with their own.
        services.AddSingleton(shared);
        services.AddTikTokQuota(section);
        Quota.TikTokQuotaGrantHandler.AddTikTokQuotaGrants(services.AddHttpClient(nameof(TikTokApiClient), http => http.Timeout = TimeSpan.FromSeconds(20)));
        services.AddSingleton(sp => new TikTokApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TikTokApiClient)), shared, sp.GetRequiredService<TikTokQuota>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TikTokApiClient>>(),
            sp.GetRequiredKeyedService<TikTokQuota>(TikTokQuotaRegistration.TasksKey)));
        services.AddSingleton<DemoMetricSource>();
        services.AddSingleton(sp => new MetricSourceChoice(kind, kind == MetricSourceKind.Csv ? sp.GetRequiredService<CsvMetricSource>() : null));
        switch (kind)
        {
            case MetricSourceKind.Api:
                var api = shared;
                if (string.IsNullOrWhiteSpace(api.AccessToken) || api.Advertisers.Count == 0)
                {
                    throw new InvalidOperationException(
                        "TikTok:Source is Api, so TikTok:AccessToken (a long-term TikTok for Business token) and TikTok:AdvertiserIds must be set.");
                }

                services.AddSingleton<ApiMetricSource>();
                services.AddSingleton<IMetricSource>(sp => Cached(sp, sp.GetRequiredService<ApiMetricSource>(), "api", api.Advertisers));
                break;
            case MetricSourceKind.Csv:
                var path = section["CsvPath"];
                if (string.IsNullOrWhiteSpace(path))
                {
                    throw new InvalidOperationException("TikTok:Source is Csv, so TikTok:CsvPath must name an Ads Manager export or a folder of them.");
                }

                services.AddSingleton(sp => new CsvMetricSource(path, sp.GetRequiredService<ILogger<CsvMetricSource>>()));
                services.AddSingleton<IMetricSource>(sp => Cached(sp, sp.GetRequiredService<CsvMetricSource>(), "csv", []));
                break;
            default:
                services.AddSingleton<IMetricSource>(sp => Cached(sp, sp.GetRequiredService<DemoMetricSource>(), "demo", [DemoDataSet.AdvertiserId]));
                break;
        }

        services.AddSingleton<CampaignFactsLoader>();
        return services;
    }

    /// <summary>
    /// A source behind the app's one cache; <paramref name="name"/> is the cache keys' Source, so it must differ between
    /// sources; <paramref name="advertisers"/> tag its entries (none for an export, which no write changes).
    /// </summary>
    public static CachedMetricSource Cached(IServiceProvider services, IMetricSource inner, string name, IReadOnlyList<string> advertisers) =>
        new(inner, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<MetricCacheOptions>(), services.GetRequiredService<ReportCache>(), name, advertisers);
}

/// <summary>
/// Which source <c>TikTok:Source</c> chose for the deployment (the one the static token, CSV or demo data serves), with the
/// export it reads when that is CSV: the rows it could not read go in every reply's footer.
/// </summary>
public sealed record MetricSourceChoice(MetricSourceKind Kind, CsvMetricSource? Export)
{
    /// <summary>Rows of the deployment's exports that could not be read (none for another source).</summary>
    public IReadOnlyList<CsvProblem> Problems => Export?.Problems ?? [];
}
