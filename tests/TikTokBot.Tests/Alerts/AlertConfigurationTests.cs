using System.Reflection;
using Microsoft.Extensions.Configuration;
using TikTokBot.Domain.Alerts;

namespace TikTokBot.Tests.Alerts;

public sealed class AlertConfigurationTests
{
    [Fact]
    public void Appsettings_lists_every_alert_threshold_with_the_documented_default()
    {
        var section = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build()
            .GetSection(AlertOptions.SectionName);
        var bound = section.Get<AlertOptions>()!;
        var defaults = new AlertOptions();

        foreach (var setting in typeof(AlertOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(section[setting.Name] is not null, $"appsettings.json has no Alerts:{setting.Name}");
            Assert.Equal(setting.GetValue(defaults), setting.GetValue(bound));
        }

        Assert.Equal((TimeSpan.FromMinutes(60), 10, 2m, 1.5m, 4m), (defaults.ScanEvery, defaults.MaxPerChannelPerDay,
            defaults.SpendWithoutConversionsTargetMultiple, defaults.CostPerResultTargetMultiple, defaults.FrequencyAlert));
    }

    [Fact]
    public void Appsettings_lists_every_baseline_option_with_the_documented_default()
    {
        var section = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build()
            .GetSection(TikTokBot.Domain.Alerts.Baselines.BaselineOptions.SectionName);
        var bound = section.Get<TikTokBot.Domain.Alerts.Baselines.BaselineOptions>()!;
        var defaults = new TikTokBot.Domain.Alerts.Baselines.BaselineOptions();

        foreach (var setting in typeof(TikTokBot.Domain.Alerts.Baselines.BaselineOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(section[setting.Name] is not null, $"appsettings.json has no Alerts:Baselines:{setting.Name}");
            Assert.Equal(setting.GetValue(defaults), setting.GetValue(bound));
        }

        Assert.Equal((4, 8, 0.4m, 1m), (defaults.MinimumWeeks, defaults.MaximumWeeks, defaults.Margin, defaults.MinimumUsualHourSpend));
    }
}
