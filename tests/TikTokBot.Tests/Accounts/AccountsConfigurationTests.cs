using Microsoft.Extensions.Configuration;
using TikTokBot.TikTok.Accounts;

namespace TikTokBot.Tests.Accounts;

public sealed class AccountsConfigurationTests
{
    [Fact]
    public void Appsettings_lists_the_connect_settings_with_the_documented_defaults()
    {
        var shipped = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false).Build()
            .GetSection(TikTokAppOptions.SectionName);
        var defaults = new TikTokAppOptions();

        Assert.Equal(defaults.AuthorizeUrl, new Uri(shipped["AuthorizeUrl"]!));
        Assert.Equal(defaults.ApiBaseUrl, new Uri(shipped["ApiBaseUrl"]!));
        Assert.Equal(defaults.ConnectStateLifetime, TimeSpan.Parse(shipped["ConnectStateLifetime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.ConnectStateLifetime);
        Assert.Null(shipped["AppSecret"]);
    }
}
