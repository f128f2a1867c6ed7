using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Hosting;

namespace TikTokBot.Tests.Hosting;

public class ListenAddressTests
{
    [Fact]
    public void With_nothing_set_the_app_listens_on_loopback_port_5080_as_the_readme_says()
    {
        var builder = Builder([]);
        ListenAddress.UseDefaultUnlessSet(builder);
        Assert.Equal("http://127.0.0.1:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void The_shipped_appsettings_names_no_address_so_the_default_still_applies()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        Assert.Null(shipped[WebHostDefaults.ServerUrlsKey]);
        Assert.Equal(ListenAddress.Default, ListenAddress.DefaultUnlessSet(shipped));
    }

    // ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS and --urls all arrive in configuration under the host's keys.
    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:9000")]
    public void Any_address_from_configuration_leaves_the_default_out(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Null(ListenAddress.DefaultUnlessSet(configuration));
    }

    [Fact]
    public async Task A_container_port_is_served_on_every_interface_and_not_on_loopback_5080()
    {
        // What ASPNETCORE_HTTP_PORTS=<port> becomes; 0 asks the system for a free port.
        await using var app = await StartAsync(["--http_ports", "0"]);
        var address = Assert.Single(Addresses(app));
        Assert.DoesNotContain("127.0.0.1", address, StringComparison.Ordinal);
        Assert.DoesNotContain(":5080", address, StringComparison.Ordinal);
        using var client = new HttpClient();
        Assert.Equal("up", await client.GetStringAsync($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    [Fact]
    public async Task Urls_on_the_command_line_win_over_the_default()
    {
        await using var app = await StartAsync(["--urls", "http://127.0.0.1:0"]);
        var address = Assert.Single(Addresses(app));
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.NotEqual("http://127.0.0.1:5080", address);
    }

    // An empty builder reads only the arguments given, not this machine's ASPNETCORE_* variables.
    private static WebApplicationBuilder Builder(string[] args)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddCommandLine(args);
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        return builder;
    }

    private static async Task<WebApplication> StartAsync(string[] args)
    {
        var builder = Builder(args);
        ListenAddress.UseDefaultUnlessSet(builder);
        var app = builder.Build();
        app.MapGet("/", () => "up");
        await app.StartAsync();
        return app;
    }

    private static ICollection<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
}
