using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Slack.Tests.Infrastructure;

/// <summary>One call the fake Slack received.</summary>
public sealed record RecordedCall(string Method, string? Authorization, string ContentType, string Body, TimeSpan At, int Status)
{
    public string? Form(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Body).TryGetValue(name, out var v) ? v.ToString() : null;

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}

/// <summary>A scripted answer; without one the fake answers ok:true with canned fields.</summary>
public sealed record FakeAnswer(int Status = 200, string? Body = null, TimeSpan Delay = default, int? RetryAfterSeconds = null)
{
    public static FakeAnswer TooManyRequests(int retryAfterSeconds = 1) => new(429, "", RetryAfterSeconds: retryAfterSeconds);
    public static FakeAnswer ServerError() => new(500, "oops");
    public static FakeAnswer Slow(TimeSpan delay) => new(Delay: delay);
    public static FakeAnswer Error(string code) => new(Body: $$"""{"ok":false,"error":"{{code}}"}""");
}

/// <summary>
/// A local Slack over real sockets: the Web API under /api/{method}, response_url under /respond/{id}, the
/// upload target under /upload/{id}, and a Socket Mode WebSocket under /ws.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _scripts = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly Channel<TrackedSocket> _sockets = Channel.CreateUnbounded<TrackedSocket>();
    private readonly ConcurrentQueue<TrackedSocket> _accepted = new();
    private int _ts;

    // Arrival times are spans since the fake started, on the machine's monotonic counter: never a date.
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    private FakeSlack(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string ApiBaseUrl => BaseUrl + "api/";

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    public IReadOnlyList<RecordedCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToArray();

    /// <summary>Calls answered with 200, i.e. delivered.</summary>
    public IReadOnlyList<RecordedCall> Delivered(string method) => _calls.Where(c => c.Method == method && c.Status == 200).ToArray();

    /// <summary>Answers the next calls to <paramref name="method"/> with these, in order.</summary>
    public void Script(string method, params FakeAnswer[] answers)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var a in answers)
            queue.Enqueue(a);
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
                return Results.BadRequest();
            var socket = await http.WebSockets.AcceptWebSocketAsync();
            var done = new TaskCompletionSource();
            var tracked = new TrackedSocket(socket, done);
            fake._accepted.Enqueue(tracked);
            await fake._sockets.Writer.WriteAsync(tracked);
            await done.Task.WaitAsync(http.RequestAborted).ContinueWith(_ => { });
            return Results.Empty;
        });
        app.MapPost("/{kind}/{method}", async (HttpContext http, string kind, string method) =>
        {
            var name = kind == "api" ? method : kind;
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var answer = fake._scripts.TryGetValue(name, out var q) && q.TryDequeue(out var a) ? a : new FakeAnswer();
            fake._calls.Enqueue(new RecordedCall(name, http.Request.Headers.Authorization, http.Request.ContentType ?? "", body, System.Diagnostics.Stopwatch.GetElapsedTime(fake._started), answer.Status));
            if (answer.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(answer.Delay, http.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body ?? fake.DefaultBody(name, body));
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return fake;
    }

    /// <summary>The next Socket Mode client connection.</summary>
    public async Task<TrackedSocket> AcceptSocketAsync(CancellationToken ct) => await _sockets.Reader.ReadAsync(ct);

    private string DefaultBody(string method, string body)
    {
        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        return method switch
        {
            "chat.postMessage" or "chat.update" or "chat.postEphemeral" => $$"""{"ok":true,"channel":"C1","ts":"{{ts}}","message_ts":"{{ts}}","unknown_field":1}""",
            "views.open" or "views.update" or "views.publish" => """{"ok":true,"view":{"id":"V1","hash":"h1","type":"modal"}}""",
            "auth.test" => """{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"bot","team_id":"T1","user_id":"U0","bot_id":"B1"}""",
            "users.info" => """{"ok":true,"user":{"id":"U1","team_id":"T1","name":"ana","is_admin":true,"is_owner":false,"is_primary_owner":false,"is_restricted":false,"is_bot":false,"profile":{"real_name":"Ana"}}}""",
            "usergroups.users.list" => """{"ok":true,"users":["U1","U2"]}""",
            "conversations.info" => """{"ok":true,"channel":{"id":"C1","name":"ads","is_channel":true,"is_private":false,"is_member":true}}""",
            "files.getUploadURLExternal" => $$"""{"ok":true,"upload_url":"{{BaseUrl}}upload/F1","file_id":"F1"}""",
            "files.completeUploadExternal" => """{"ok":true,"files":[{"id":"F1","title":"report.csv"}]}""",
            "oauth.v2.access" => """{"ok":true,"access_token":"xoxb-installed","token_type":"bot","scope":"commands,chat:write","bot_user_id":"U0BOT","app_id":"A1","team":{"id":"T9","name":"Acme Ads"},"enterprise":null,"authed_user":{"id":"U1"},"is_enterprise_install":false}""",
            "apps.connections.open" => $$"""{"ok":true,"url":"{{BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}}ws"}""",
            "upload" or "respond" => "ok",
            _ => """{"ok":true}""",
        };
    }

    public async ValueTask DisposeAsync()
    {
        _sockets.Writer.TryComplete();
        foreach (var socket in _accepted)
            socket.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A server-side WebSocket the test drives; completing it ends the connection.</summary>
public sealed class TrackedSocket(WebSocket socket, TaskCompletionSource done) : WebSocket
{
    public WebSocket Inner => socket;

    public Task SendTextAsync(string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    public async Task<string?> ReceiveTextAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(total), ct);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            total += result.Count;
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Drop()
    {
        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended; there is nothing left to drop.
        }
        done.TrySetResult();
    }

    public void Release() => done.TrySetResult();

    public override WebSocketCloseStatus? CloseStatus => socket.CloseStatus;
    public override string? CloseStatusDescription => socket.CloseStatusDescription;
    public override WebSocketState State => socket.State;
    public override string? SubProtocol => socket.SubProtocol;
    public override void Abort() => Drop();
    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => socket.CloseAsync(closeStatus, statusDescription, cancellationToken);
    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => socket.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);
    public override void Dispose() => Release();
    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) => socket.ReceiveAsync(buffer, cancellationToken);
    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) => socket.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
}
