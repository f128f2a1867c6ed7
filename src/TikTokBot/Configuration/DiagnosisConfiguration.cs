using TikTokBot.Domain;
using TikTokBot.Domain.Benchmarks;

namespace TikTokBot.Configuration;

internal static class DiagnosisConfiguration
{
    /// <summary>Binds <c>Diagnosis:*</c> once at start-up and registers the engine that applies it.</summary>
    public static IServiceCollection AddDiagnosisOptions(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DiagnosisOptions.SectionName).Get<DiagnosisOptions>() ?? new DiagnosisOptions();
        services.AddSingleton(options);
        services.AddSingleton(new CampaignEngine(options));
        services.AddSingleton(configuration.GetSection(AccountBenchmarkOptions.SectionName).Get<AccountBenchmarkOptions>() ?? new AccountBenchmarkOptions());
        return services;
    }
}
