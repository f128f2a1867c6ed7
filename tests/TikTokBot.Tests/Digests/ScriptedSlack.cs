using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Tests.Digests;

/// <summary>A message the fake Slack accepted: where it went, its text and its blocks as JSON.</summary>
public sealed record PostedMessage(string Channel, string Text, string Blocks, string Ts, string? ThreadTs = null);

/// <summary>What the fake Slack answers one chat.postMessage with: Slack's own status codes, headers and error strings.</summary>
public abstract record SlackAnswer
{
    public sealed record Ok : SlackAnswer;

    public sealed record RateLimited(int RetryAfterSeconds) : SlackAnswer;

    public sealed record Error(string Code) : SlackAnswer;

    /// <summary>No answer until the caller gives up (or 60 s): a post in flight when the app stops.</summary>
    public sealed record Hang : SlackAnswer;
}

/// <summary>
/// A local Slack Web API on a real socket: chat.postMessage is answered as <see cref="Answer"/> decides (ok by default)
/// and every accepted message is kept in order of arrival; users.info calls a user whose id contains ADMIN an admin.
/// </summary>
public sealed class ScriptedSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _ts;

    private ScriptedSlack(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>Decides the answer from the channel and how many postMessage calls came before this one.</summary>
    public Func<string, long, SlackAnswer> Answer { get; set; } = (_, _) => new SlackAnswer.Ok();

    public ConcurrentQueue<PostedMessage> Posted { get; } = new();

    private readonly Lock _gate = new();
    private TaskCompletionSource _posted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first message posted that matches, waiting for each post until one does (90 s at most, only to keep a broken test from hanging).</summary>
    public async Task<PostedMessage> PostedAsync(Func<PostedMessage, bool> match, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            Task next;
            lock (_gate)
            {
                next = _posted.Task;
            }

            if (Posted.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Slack never got {what}");
            }
        }
    }

    public int RateLimitedAnswers => _rateLimited;

    private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _rateLimited;
    private long _calls;

    public static async Task<ScriptedSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new ScriptedSlack(app);
        app.MapPost("/api/chat.postMessage", slack.PostMessageAsync);
        app.MapPost("/api/users.info", async (HttpRequest request) =>
        {
            // As in the app's other fake: a user id containing ADMIN is a workspace admin.
            var user = (await request.ReadFormAsync())["user"].ToString();
            var admin = user.Contains("ADMIN", StringComparison.Ordinal) ? "true" : "false";
            return Results.Text($$$"""{"ok":true,"user":{"id":"{{{user}}}","is_admin":{{{admin}}},"is_owner":false,"is_primary_owner":false}}""", "application/json");
        });
        app.MapPost("/api/{method}", () => Results.Text("{\"ok\":true}", "application/json"));
        await app.StartAsync();
        slack.ApiBaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
        return slack;
    }

    public IReadOnlyList<PostedMessage> To(string channel) => Posted.Where(p => p.Channel == channel).ToList();

    /// <summary>Completes once a post is being held without an answer (<see cref="SlackAnswer.Hang"/>): a post in flight.</summary>
    public Task WhenHangingAsync() => _hung.Task.WaitAsync(TimeSpan.FromSeconds(90));

    private async Task<IResult> PostMessageAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var channel = body.RootElement.GetProperty("channel").GetString() ?? "";
        var answer = Answer(channel, Interlocked.Increment(ref _calls) - 1);
        switch (answer)
        {
            case SlackAnswer.RateLimited limited:
                Interlocked.Increment(ref _rateLimited);
                request.HttpContext.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Text("{\"ok\":false,\"error\":\"ratelimited\"}", "application/json", statusCode: 429);
            case SlackAnswer.Hang:
                _hung.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(60), request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(500);
            case SlackAnswer.Error error:
                return Results.Text($"{{\"ok\":false,\"error\":\"{error.Code}\"}}", "application/json");
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        var text = body.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        var blocks = body.RootElement.TryGetProperty("blocks", out var b) ? b.GetRawText() : "[]";
        var thread = body.RootElement.TryGetProperty("thread_ts", out var th) ? th.GetString() : null;
        Posted.Enqueue(new PostedMessage(channel, text, blocks, ts, thread));
        lock (_gate)
        {
            _posted.TrySetResult();
            _posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Results.Text($"{{\"ok\":true,\"channel\":\"{channel}\",\"ts\":\"{ts}\"}}", "application/json");
    }

    /// <summary>Stops gracefully first, so an answer still in flight is finished rather than cut off.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
