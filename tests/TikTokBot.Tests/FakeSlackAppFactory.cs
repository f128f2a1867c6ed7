using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Tests;

/// <summary>A scripted answer of the fake Slack: a status and body, a delay, or a dropped connection.</summary>
public sealed record SlackFault(int Status = 200, string? Body = null, TimeSpan Delay = default, int? RetryAfterSeconds = null, bool Reset = false)
{
    public static SlackFault Error(string code) => new(Body: $$"""{"ok":false,"error":"{{code}}"}""");
}

/// <summary>
/// The app, with a single-workspace bot token and its Slack Web API pointed at a local fake on a real socket that
/// records every call and answers ok, the way Slack does. users.info calls a user an admin when the id contains
/// ADMIN (an owner with OWNER, a guest with GUEST); the user group <see cref="UserGroup"/> has one member,
/// <see cref="GroupMember"/>. Calls can be scripted to fail with <see cref="Script"/>.
/// </summary>
public class FakeSlackAppFactory : KestrelAppFactory
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string UserGroup = "S-SETTINGS";
    public const string GroupMember = "U-GROUP-MEMBER";

    private readonly WebApplication _slack;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackFault>> _scripts = new();

    public FakeSlackAppFactory()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _slack = builder.Build();
        _slack.MapPost("/api/{method}", Answer);
        _slack.StartAsync().GetAwaiter().GetResult();
        ApiBaseUrl = _slack.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
    }

    public string ApiBaseUrl { get; }

    // Completed (and replaced) on every call: waiting tests wake on a call, not on a timer.
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every call received so far, once <paramref name="done"/> holds for them; throws after <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<(string Method, string Authorization, string Body)>> WaitForCallsAsync(
        Func<IReadOnlyList<(string Method, string Authorization, string Body)>, bool> done, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var arrived = Volatile.Read(ref _arrived);
            var calls = Calls.ToArray();
            if (done(calls))
            {
                return calls;
            }

            try
            {
                await arrived.Task.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"The awaited Slack calls never came; calls: {string.Join(", ", calls.Select(c => c.Method))}");
            }
        }
    }

    /// <summary>Every call received, delivered or not.</summary>
    public ConcurrentQueue<(string Method, string Authorization, string Body)> Calls { get; } = new();

    /// <summary>Calls Slack acted on: answered ok:true, in full.</summary>
    public ConcurrentQueue<(string Method, string Body)> Delivered { get; } = new();

    /// <summary>Answers the next calls to <paramref name="method"/> with these, in order.</summary>
    public void Script(string method, params SlackFault[] faults)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<SlackFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("Slack:BotToken", BotToken), ("Slack:ApiBaseUrl", ApiBaseUrl), ("Permissions:SettingsUserGroup", UserGroup),
        ("Slack:RetryBaseDelay", "00:00:00.050"), ("Slack:RetryMaxDelay", "00:00:00.200"), ("Slack:AttemptTimeout", "00:00:02"),
        .. MoreSettings(),
    ];

    /// <summary>Settings a derived factory adds on top of the fake Slack's.</summary>
    protected virtual IEnumerable<(string Key, string Value)> MoreSettings() => [];

    private async Task Answer(string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Calls.Enqueue((method, http.Request.Headers.Authorization.ToString(), body));
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        var fault = _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next : null;
        if (fault is { Reset: true })
        {
            http.Abort();
            return;
        }

        if (fault?.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up waiting: Slack never finished this call.
                return;
            }
        }

        http.Response.StatusCode = fault?.Status ?? 200;
        if (fault?.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var answer = fault?.Body ?? (http.Response.StatusCode == 200 ? Ok(method, body) : "");
        if (http.Response.StatusCode == 200 && answer.Contains("\"ok\":true", StringComparison.Ordinal))
        {
            Delivered.Enqueue((method, body));
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer);
    }

    private static string Ok(string method, string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        switch (method)
        {
            case "users.info":
                var user = form.TryGetValue("user", out var id) ? id.ToString() : "";
                return $$$"""
                    {"ok":true,"user":{"id":"{{{user}}}","team_id":"T1","is_admin":{{{Flag(user, "ADMIN")}}},"is_owner":{{{Flag(user, "OWNER")}}},
                    "is_primary_owner":false,"is_restricted":{{{Flag(user, "GUEST")}}},"is_bot":false,"deleted":false}}
                    """;
            case "usergroups.users.list":
                return form.TryGetValue("usergroup", out var group) && group == UserGroup
                    ? $$"""{"ok":true,"users":["{{GroupMember}}"]}"""
                    : """{"ok":false,"error":"no_such_subteam"}""";
            case "chat.postMessage" or "chat.postEphemeral" or "chat.update":
                return """{"ok":true,"channel":"C1","ts":"1700000000.000200"}""";
            default:
                return """{"ok":true,"view":{"id":"V123"}}""";
        }
    }

    private static string Flag(string user, string marker) => user.Contains(marker, StringComparison.Ordinal) ? "true" : "false";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _slack.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
