using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Tests;

/// <summary>Requests signed the way Slack signs them, with the test app's signing secret.</summary>
public static class SlackTestRequests
{
    public const string Form = "application/x-www-form-urlencoded";

    /// <summary>The form body of a press on a report's button (or a choice in its menu) in a private report.</summary>
    /// <param name="channelId">The channel of the message the button is in, when it matters (Slack sends it).</param>
    public static string Press(string teamId, string userId, string actionId, string value, string responseUrl, bool menu = false, string? channelId = null)
    {
        var action = menu
            ? new Dictionary<string, object> { ["action_id"] = actionId, ["type"] = "static_select", ["selected_option"] = new { value } }
            : new Dictionary<string, object> { ["action_id"] = actionId, ["type"] = "button", ["value"] = value };
        var payload = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = teamId },
            ["user"] = new { id = userId },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = responseUrl,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { action },
            ["channel"] = channelId is null ? null! : new { id = channelId },
        });
        return "payload=" + Uri.EscapeDataString(payload);
    }

    /// <summary>The JSON body of Slack's <c>app_home_opened</c> event for <paramref name="userId"/> on the Home tab.</summary>
    public static string HomeOpened(string teamId, string userId, string eventId) => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "event_callback",
        team_id = teamId,
        api_app_id = "A1",
        event_id = eventId,
        event_time = 1,
        @event = new { type = "app_home_opened", user = userId, tab = "home" },
    });

    /// <param name="at">
    /// When it is signed: the time of the app's clock, which checks the signature's freshness; by default the time of
    /// <see cref="TikTokBot.Testing.RunningClock.Shared"/>, every test app's clock unless its test gave it another.
    /// </param>
    public static HttpRequestMessage Signed(string path, string body, string contentType = Form, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? TikTokBot.Testing.RunningClock.Shared.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(KestrelAppFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}

/// <summary>A local response_url on a real socket: records what the app posts to it.</summary>
public sealed class ResponseUrlHook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SemaphoreSlim _arrived = new(0);

    private ResponseUrlHook(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<string> Delivered { get; } = new();

    /// <summary>Messages delivered so far, told on each arrival.</summary>
    public TikTokBot.Testing.ArrivalCount Arrivals { get; } = new();

    /// <summary>Starts the hook; the first posts get <paramref name="faults"/> (nothing is recorded for them), the rest are delivered.</summary>
    public static async Task<ResponseUrlHook> StartAsync(params SlackFault[] faults)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var hook = new ResponseUrlHook(builder.Build());
        var pending = new ConcurrentQueue<SlackFault>(faults);
        hook._app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (pending.TryDequeue(out var fault))
            {
                if (fault.Reset)
                {
                    http.Abort();
                    return;
                }

                http.Response.StatusCode = fault.Status;
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return;
            }

            hook.Delivered.Enqueue(body);
            hook._arrived.Release();
            hook.Arrivals.Add();
        });
        await hook._app.StartAsync();
        hook.Url = hook._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return hook;
    }

    /// <summary>The next message posted to the hook; fails the test if none comes within 30 seconds.</summary>
    public async Task<string> NextAsync()
    {
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(30)), "nothing arrived at the response_url");
        Assert.True(Delivered.TryDequeue(out var message));
        return message!;
    }

    /// <summary>
    /// Stops gracefully first: the arrival is signalled before the 200 goes out, and a hook torn down under an answer
    /// in flight would make the app retry into a closed port and log a failure that belongs to no test.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
