using System.Reflection;
using Microsoft.Extensions.Configuration;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;

namespace TikTokBot.Tests.Alerts;

public sealed class AlertConfigurationTests
{
    [Fact]
    public void Appsettings_lists_every_alert_threshold_with_the_documented_default()
    {
        var defaults = AssertListedWithDefaults<AlertOptions>(AlertOptions.SectionName);

        Assert.Equal((TimeSpan.FromMinutes(60), 10, 2m, 1.5m, 4m), (defaults.ScanEvery, defaults.MaxPerChannelPerDay,
            defaults.SpendWithoutConversionsTargetMultiple, defaults.CostPerResultTargetMultiple, defaults.FrequencyAlert));
    }

    [Fact]
    public void Appsettings_lists_every_baseline_option_with_the_documented_default()
    {
        var defaults = AssertListedWithDefaults<BaselineOptions>(BaselineOptions.SectionName);

        Assert.Equal((4, 8, 0.4m, 1m), (defaults.MinimumWeeks, defaults.MaximumWeeks, defaults.Margin, defaults.MinimumUsualHourSpend));
    }

    /// <summary>Every public property of <typeparamref name="T"/> is in appsettings.json's section with the class's own default.</summary>
    private static T AssertListedWithDefaults<T>(string sectionName) where T : new()
    {
        var section = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build()
            .GetSection(sectionName);
        var bound = section.Get<T>()!;
        var defaults = new T();

        foreach (var setting in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(section[setting.Name] is not null, $"appsettings.json has no {sectionName}:{setting.Name}");
            Assert.Equal(setting.GetValue(defaults), setting.GetValue(bound));
        }

        return defaults;
    }
}
