using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Handlers;
using TikTokBot.Tests.Permissions;

namespace TikTokBot.Tests.Reliability;

/// <summary>The fake Slack with every log kept.</summary>
public sealed class LoggedFakeSlackAppFactory : FakeSlackAppFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

/// <summary>
/// Slack failing under "What should I fix?" on a shared report (chat.postMessage into the thread): transient faults are
/// retried and the answer lands exactly once; refusals reach the person as a plain private message saying what to do.
/// </summary>
public sealed class SlackFaultTests : IClassFixture<LoggedFakeSlackAppFactory>
{
    private readonly LoggedFakeSlackAppFactory _factory;

    public SlackFaultTests(LoggedFakeSlackAppFactory factory) => _factory = factory;

    private async Task PressFix(string threadTs, string responseUrl) => await SlackAsk.Interaction(_factory, new Dictionary<string, object>
    {
        ["type"] = "block_actions",
        ["team"] = new { id = "T-FAULT" },
        ["user"] = new { id = "U-FAULT" },
        ["container"] = new { type = "message", message_ts = threadTs, channel_id = "C-FAULT" },
        ["channel"] = new { id = "C-FAULT" },
        ["message"] = new { ts = threadTs, text = "campaign-42" },
        ["response_url"] = responseUrl,
        ["actions"] = new[] { new { action_id = "report.fix", type = "button", value = "1800000000000042|7d" } },
    });

    public static TheoryData<string, SlackFault[]> TransientFaults() => new()
    {
        { "429 with Retry-After", [new SlackFault(429, RetryAfterSeconds: 1)] },
        { "503 twice", [new SlackFault(503), new SlackFault(503)] },
        { "500 then 502", [new SlackFault(500), new SlackFault(502)] },
        { "connection reset", [new SlackFault(Reset: true)] },
        { "no answer within the attempt timeout", [new SlackFault(Delay: TimeSpan.FromSeconds(5))] },
        { "reset, 429, then 503", [new SlackFault(Reset: true), new SlackFault(429, RetryAfterSeconds: 1), new SlackFault(503)] },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_transient_slack_fault_is_retried_and_the_answer_lands_exactly_once(string fault, SlackFault[] faults)
    {
        var threadTs = $"1700000001.{Math.Abs(fault.GetHashCode(StringComparison.Ordinal)) % 1_000_000:D6}";
        _factory.Script("chat.postMessage", faults);

        await PressFix(threadTs, "http://127.0.0.1:9/unused");

        // The button's handler has finished, every retry included: whatever was going to land has landed.
        await HandlersIdle();
        Assert.Equal(1, _factory.Delivered.Count(d => d.Method == "chat.postMessage" && d.Body.Contains(threadTs, StringComparison.Ordinal)));
        Assert.DoesNotContain(_factory.Logs.Errors, e => e.Message.Contains("report.fix", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("channel_not_found", "/invite @TikTokBot")]
    [InlineData("not_in_channel", "/invite @TikTokBot")]
    [InlineData("invalid_auth", "reinstall TikTokBot")]
    [InlineData("token_revoked", "reinstall TikTokBot")]
    [InlineData("msg_too_long", "shorter period")]
    public async Task A_refusal_from_slack_reaches_the_person_privately_with_what_to_do(string error, string advice)
    {
        await using var hook = await ResponseUrlHook.StartAsync();
        _factory.Script("chat.postMessage", SlackFault.Error(error));

        await PressFix($"1700000002.{error.Length:D6}", hook.Url);
        var answer = await hook.NextAsync();

        Assert.Contains(error, answer);
        Assert.Contains(advice, answer);
        Assert.Equal("ephemeral", JsonDocument.Parse(answer).RootElement.GetProperty("response_type").GetString());
        Assert.DoesNotContain(_factory.Logs.Errors, e => e.Message.Contains("report.fix", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_url_answer_survives_a_429_and_a_reset_and_arrives_once()
    {
        await using var hook = await ResponseUrlHook.StartAsync(new SlackFault(429, RetryAfterSeconds: 1), new SlackFault(Reset: true), new SlackFault(503));

        await SlackAsk.Interaction(_factory, new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-FAULT" },
            ["user"] = new { id = "U-FAULT" },
            ["container"] = new { type = "message" },
            ["response_url"] = hook.Url,
            ["actions"] = new[] { new { action_id = "report.share", type = "button", value = "1800000000000042|7d" } },
        });

        Assert.Contains("Creative fatigue", await hook.NextAsync());
        await HandlersIdle();
        Assert.Empty(hook.Delivered);
    }

    /// <summary>The definite signal that the app finished its work: no Slack handler is running any more.</summary>
    private async Task HandlersIdle()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _factory.Services.GetRequiredService<SlackDispatcher>().WhenHandlersIdleAsync(bound.Token);
    }
}
