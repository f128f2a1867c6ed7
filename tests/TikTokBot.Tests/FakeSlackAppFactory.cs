using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Tests;

/// <summary>
/// The app, with a single-workspace bot token and its Slack Web API pointed at a local fake on a real socket that
/// records every call and answers ok, the way Slack does for views.open and views.publish.
/// </summary>
public sealed class FakeSlackAppFactory : KestrelAppFactory
{
    private readonly WebApplication _slack;

    public FakeSlackAppFactory()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _slack = builder.Build();
        _slack.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Calls.Enqueue((method, request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            return Results.Text("{\"ok\":true,\"view\":{\"id\":\"V123\"}}", "application/json");
        });
        _slack.StartAsync().GetAwaiter().GetResult();
        ApiBaseUrl = _slack.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
    }

    public const string BotToken = "xoxb-fake-bot-token";

    public string ApiBaseUrl { get; }

    public ConcurrentQueue<(string Method, string Authorization, string Body)> Calls { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        [("Slack:BotToken", BotToken), ("Slack:ApiBaseUrl", ApiBaseUrl)];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _slack.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
