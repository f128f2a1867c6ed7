using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TikTokBot.Tests;

/// <summary>
/// The real app on a real Kestrel listener bound to a free loopback port, on the tests' <see cref="RunningClock.Shared"/>
/// (a fixed date) unless a derived factory gives it a clock of its own.
/// </summary>
public class KestrelAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The signing secret the app under test verifies Slack requests with.</summary>
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";

    // Each factory gets its own data folder: tests never see each other's settings or an earlier run's.
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-app-").FullName;

    public KestrelAppFactory()
    {
        // Kestrel binds the port the Urls setting names (0: any free one). Not UseKestrel(0): that rewrites the server's
        // addresses after the app has started binding them, a race that sometimes throws (dotnet/aspnetcore#67714).
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        // Tests that read an inline answer check its content, not its speed: a cold first request may take a while.
        builder.UseSetting("Commands:InlineAnswerBudget", "00:00:02");
        foreach (var (key, value) in ExtraSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(RunningClock.Shared)));
        builder.ConfigureServices(ReplaceServices);
    }

    /// <summary>Services a derived factory swaps for real ones it controls, such as a slow metric source.</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    /// <summary>Settings a derived factory adds, such as a local fake Slack's address.</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings() => [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (ArgumentNullException e) when (e.ParamName == "waitHandle" && e.StackTrace?.Contains("Hangfire", StringComparison.Ordinal) == true)
        {
            // The test host may stop the app twice (dotnet/aspnetcore#40271). Hangfire's server, disposed by the first stop,
            // answers the second with this (it expects only ObjectDisposedException there); the app is stopped already.
        }
    }

    /// <summary>A client aimed at the Kestrel listener (not the in-memory test server).</summary>
    public HttpClient CreateKestrelClient()
    {
        StartServer();
        return CreateClient();
    }
}
