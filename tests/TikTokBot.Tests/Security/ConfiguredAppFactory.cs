using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace TikTokBot.Tests.Security;

/// <summary>The real app on Kestrel (loopback) in the given environment with the given settings on top of the usual test ones.</summary>
public sealed class ConfiguredAppFactory(string environment, params (string Key, string Value)[] settings) : KestrelAppFactory
{
    public const string Token = LoginPagesAppFactory.Token;

    /// <summary>The app's clock, fixed and moved by the test; none: the system clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() => settings;

    protected override void ReplaceServices(IServiceCollection services)
    {
        if (Clock is not null)
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
    }
}
