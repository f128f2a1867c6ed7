using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TikTokBot.Tests;

/// <summary>The real app on a real Kestrel listener bound to a free loopback port.</summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }

    /// <summary>A client aimed at the Kestrel listener (not the in-memory test server).</summary>
    public HttpClient CreateKestrelClient()
    {
        StartServer();
        return CreateClient();
    }
}
