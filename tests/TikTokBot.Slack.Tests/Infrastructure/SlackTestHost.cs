using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Slack.Tests.Infrastructure;

/// <summary>A clock pinned to one instant; timers still run in real time.</summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The library as the app will host it: AddSlack + MapSlack on a real Kestrel at 127.0.0.1, port 0.</summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private SlackTestHost(WebApplication app, HttpClient client, PinnedClock clock)
    {
        App = app;
        Client = client;
        Clock = clock;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public PinnedClock Clock { get; }
    public CallLog Log => App.Services.GetRequiredService<CallLog>();
    public IServiceProvider Services => App.Services;

    public static async Task<SlackTestHost> StartAsync(
        Action<SlackHandlerBuilder>? handlers = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ListLoggerProvider());
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-single",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Slack:RetryBaseDelay"] = "00:00:00.010",
            ["Slack:PostMessageInterval"] = "00:00:00.020",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        var clock = new PinnedClock(Now);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddSingleton(sp => (ListLoggerProvider)sp.GetServices<ILoggerProvider>().First(p => p is ListLoggerProvider));
        builder.Services.AddSlack(builder.Configuration, handlers);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        return new SlackTestHost(app, client, clock);
    }

    /// <summary>POSTs a form body signed as Slack would sign it at <see cref="Now"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string? signature = null, string? timestamp = null)
    {
        var ts = timestamp ?? Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, signature ?? SlackSignature.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        return Client.SendAsync(request);
    }

    public static string CommandForm(string command = "/ttmetrics", string text = "campaign-42", string? responseUrl = null, string teamId = "T1") =>
        $"token=x&team_id={teamId}&team_domain=acme&channel_id=C1&channel_name=ads&user_id=U1&user_name=ann&command={Uri.EscapeDataString(command)}" +
        $"&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl ?? "https://hooks.slack.com/commands/T1/1/x")}&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A1";

    public static string InteractionForm(string json) => "payload=" + Uri.EscapeDataString(json);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>What test handlers saw, in order.</summary>
public sealed class CallLog
{
    private readonly List<string> _entries = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string entry)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _entries.Add(entry);
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    public IReadOnlyList<string> Entries
    {
        get { lock (_gate) return _entries.ToArray(); }
    }

    /// <summary>Waits (up to a generous bound, only to keep a broken test from hanging) for an entry.</summary>
    public Task WaitForAsync(Func<string, bool> match) => WaitUntilAsync(entries => entries.Any(match));

    /// <summary>Waits (with the same bound) until the entries as a whole satisfy <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_entries))
                    return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cts.Token);
        }
    }
}

public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => _lines.ToArray();

    /// <summary>Completes when a line matching <paramref name="match"/> is logged from now on (told on each line; 20 s bound).</summary>
    public Task WhenLoggedAsync(Func<string, bool> match)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private void Logged(string line)
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose() { }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = formatter(state, exception) + (exception is null ? "" : " " + exception.Message);
            owner._lines.Enqueue((logLevel, category, line));
            owner.Logged(line);
        }
    }
}
