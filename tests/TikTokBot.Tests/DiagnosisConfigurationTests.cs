using System.Reflection;
using Microsoft.Extensions.Configuration;
using TikTokBot.Domain;

namespace TikTokBot.Tests;

public sealed class DiagnosisConfigurationTests
{
    private static IConfigurationRoot ShippedSettings() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false)
        .Build();

    [Fact]
    public void Appsettings_lists_every_diagnosis_threshold_with_the_documented_default()
    {
        var section = ShippedSettings().GetSection(DiagnosisOptions.SectionName);
        var defaults = new DiagnosisOptions();

        // The groups of thresholds (Benchmarks, Rules, ...); a currency's rate table is empty by default and has nothing to list.
        foreach (var group in typeof(DiagnosisOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType.Namespace?.StartsWith("TikTokBot.Domain", StringComparison.Ordinal) == true))
        {
            var defaultGroup = group.GetValue(defaults)!;
            foreach (var threshold in group.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var key = $"{group.Name}:{threshold.Name}";
                var written = section[key];
                Assert.True(written is not null, $"appsettings.json has no Diagnosis:{key}");
                var expected = Convert.ToDecimal(threshold.GetValue(defaultGroup), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected, decimal.Parse(written!, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Appsettings_lists_every_account_benchmark_setting_with_the_documented_default()
    {
        var section = ShippedSettings().GetSection(TikTokBot.Domain.Benchmarks.AccountBenchmarkOptions.SectionName);
        var defaults = new TikTokBot.Domain.Benchmarks.AccountBenchmarkOptions();

        foreach (var setting in typeof(TikTokBot.Domain.Benchmarks.AccountBenchmarkOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var written = section[setting.Name];
            Assert.True(written is not null, $"appsettings.json has no Benchmarks:{setting.Name}");
            Assert.Equal(Convert.ToDecimal(setting.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(written!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal((90, 1000L, 3), (defaults.HistoryDays, defaults.MinimumImpressions, defaults.MinimumCampaigns));
    }

    [Fact]
    public void A_threshold_set_in_configuration_replaces_the_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Diagnosis:Benchmarks:CtrAveragePercent"] = "0.75",
                ["Diagnosis:LearningPhase:ExitConversions"] = "40",
            })
            .Build();

        var options = configuration.GetSection(DiagnosisOptions.SectionName).Get<DiagnosisOptions>()!;

        Assert.Equal(0.75m, options.Benchmarks.CtrAveragePercent);
        Assert.Equal(40, options.LearningPhase.ExitConversions);
        Assert.Equal(9.16m, options.Benchmarks.CpmHigh);
    }
}
