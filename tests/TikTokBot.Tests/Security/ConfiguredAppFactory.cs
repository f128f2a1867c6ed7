using Microsoft.AspNetCore.Hosting;

namespace TikTokBot.Tests.Security;

/// <summary>The real app on Kestrel (loopback) in the given environment with the given settings on top of the usual test ones.</summary>
public sealed class ConfiguredAppFactory(string environment, params (string Key, string Value)[] settings) : KestrelAppFactory
{
    public const string Token = LoginPagesAppFactory.Token;

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
    }
}
