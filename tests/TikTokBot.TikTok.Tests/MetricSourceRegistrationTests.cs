using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class MetricSourceRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddMetricSource(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task With_nothing_configured_the_demo_data_is_served_through_the_cache()
    {
        using var services = Build();

        var source = services.GetRequiredService<IMetricSource>();

        Assert.IsType<CachedMetricSource>(source);
        Assert.Equal(8, (await source.ListCampaignsAsync(CancellationToken.None)).Count);
        Assert.NotNull(services.GetRequiredService<CampaignFactsLoader>());
    }

    [Theory]
    [InlineData("Spreadsheet", "set it to Demo, Api or Csv")]
    [InlineData("Api", "TikTok:AccessToken")]
    [InlineData("Csv", "TikTok:CsvPath")]
    public void A_source_that_cannot_work_stops_start_up_with_what_to_set(string source, string advice)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("TikTok:Source", source)));

        Assert.Contains(advice, error.Message);
    }

    [Fact]
    public void The_api_source_is_chosen_when_credentials_are_set()
    {
        using var services = Build(("TikTok:Source", "api"), ("TikTok:AccessToken", "secret"), ("TikTok:AdvertiserIds", "7001, 7002"));

        Assert.NotNull(services.GetRequiredService<TikTokBot.TikTok.Api.ApiMetricSource>());
        Assert.Equal(["7001", "7002"], services.GetRequiredService<TikTokBot.TikTok.Api.TikTokApiOptions>().Advertisers);
    }
}
