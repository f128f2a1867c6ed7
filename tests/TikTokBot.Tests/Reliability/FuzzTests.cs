using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using Xunit.Abstractions;

namespace TikTokBot.Tests.Reliability;

/// <summary>The app with a fake Slack, everyone allowed to change settings (so saves are fuzzed too) and every log kept.</summary>
public sealed class FuzzAppFactory : FakeSlackAppFactory
{
    public LogCapture Logs { get; } = new();

    // Channel pacing at Slack's real one message per second would only make the fuzz wait. The fuzz is about input,
    // not timing: Slack's default attempt timeout keeps a busy CI machine's slow answers from being logged as errors.
    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
        [("Permissions:ChangeSettings", "Everyone"), ("Slack:PostMessageInterval", "00:00:00.001"), ("Slack:AttemptTimeout", "00:00:10")];

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

/// <summary>
/// 100,000+ generated slash-command texts and interaction payloads: none may cause a 5xx or an unhandled exception
/// in the log, and no message, modal or view the app sends may break Block Kit's limits or ping anyone.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int InProcessCommands = 60_000;
    public const int InProcessInteractions = 40_000;
    public const int OverHttp = 2_000;

    [Fact]
    public async Task Generated_commands_and_interactions_through_parser_and_dispatcher_never_fail_ping_anyone_or_break_block_kit()
    {
        var input = new FuzzInput(seed: 20261124);
        var clock = Stopwatch.StartNew();
        var refused = 0;
        await using var hook = await ResponseUrlHook.StartAsync();
        var factory = new FuzzAppFactory();
        try
        {
            factory.CreateKestrelClient().Dispose();
            var dispatcher = factory.Services.GetRequiredService<SlackDispatcher>();
            for (var i = 0; i < InProcessCommands; i++)
            {
                var text = input.CommandText();
                var form = $"team_id=T-FUZZ-{i % 3}&channel_id=C1&user_id=U-FUZZ&command=%2Fttmetrics&text={FormEncode(text)}&response_url={FormEncode(hook.Url)}";
                refused += await DispatchAsync(() => dispatcher.DispatchCommandAsync(SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(form))), text);
            }

            for (var i = 0; i < InProcessInteractions; i++)
            {
                var json = input.InteractionJson(hook.Url);
                var form = "payload=" + FormEncode(json);
                refused += await DispatchAsync(() => dispatcher.DispatchInteractionAsync(SlackPayloadParser.ParseInteractionForm(Encoding.UTF8.GetBytes(form))), json);
            }
        }
        finally
        {
            // Stopping the host waits for every answer still on its way to the response_url or the fake Slack.
            factory.Dispose();
        }

        CheckEverythingSent(factory, hook);
        output.WriteLine($"{InProcessCommands} commands and {InProcessInteractions} interactions in {clock.Elapsed.TotalSeconds:0.0} s; " +
            $"{refused} refused as malformed (400); {hook.Delivered.Count} response_url answers and {factory.Delivered.Count} Web API calls checked");
    }

    [Fact]
    public async Task Generated_commands_and_interactions_over_http_get_no_5xx_and_every_answer_fits_block_kit()
    {
        var input = new FuzzInput(seed: 7);
        var statuses = new Dictionary<HttpStatusCode, int>();
        await using var hook = await ResponseUrlHook.StartAsync();
        var factory = new FuzzAppFactory();
        try
        {
            using var client = factory.CreateKestrelClient();
            for (var i = 0; i < OverHttp; i++)
            {
                var interaction = i % 2 == 1;
                var raw = interaction ? input.InteractionJson(hook.Url) : input.CommandText();
                var body = interaction
                    ? "payload=" + FormEncode(raw)
                    : $"team_id=T-HTTP&channel_id=C1&user_id=U-HTTP&command=%2Fttmetrics&text={FormEncode(raw)}&response_url={FormEncode(hook.Url)}";
                using var request = SlackTestRequests.Signed(interaction ? "/slack/interactions" : "/slack/commands", body);
                using var response = await client.SendAsync(request);
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {raw}");
                var answer = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && answer.Length > 0)
                {
                    CheckAck(answer, raw);
                }
            }
        }
        finally
        {
            factory.Dispose();
        }

        CheckEverythingSent(factory, hook);
        output.WriteLine($"{OverHttp} signed requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
    }

    private static async Task<int> DispatchAsync(Func<Task<SlackAckResponse>> dispatch, string input)
    {
        Task<SlackAckResponse> ack;
        try
        {
            ack = dispatch();
        }
        catch (SlackPayloadException)
        {
            // Over HTTP this is a 400 with the reason; nothing ran.
            return 1;
        }

        var response = await ack;
        if (response.Json is { } json)
        {
            CheckAck(Encoding.UTF8.GetString(json), input);
        }

        return 0;
    }

    private static void CheckAck(string json, string input)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var what = "answer to " + (input.Length > 200 ? input[..200] + "…" : input);
        if (root.TryGetProperty("response_action", out _))
        {
            Assert.False(BlockKitLimits.HasPing(root), what);
            if (root.TryGetProperty("view", out var view))
            {
                BlockKitLimits.Check(view.GetRawText(), maxBlocks: 100, what);
            }

            return;
        }

        BlockKitLimits.Check(json, maxBlocks: 50, what);
    }

    private static void CheckEverythingSent(FuzzAppFactory factory, ResponseUrlHook hook)
    {
        var errors = factory.Logs.Errors;
        Assert.True(errors.Count == 0, $"{errors.Count} errors logged, first: {errors.FirstOrDefault()}");
        foreach (var message in hook.Delivered)
        {
            BlockKitLimits.Check(message, maxBlocks: 50, "response_url answer");
        }

        foreach (var (method, body) in factory.Delivered)
        {
            using var document = JsonDocument.Parse(body);
            if (method.StartsWith("views.", StringComparison.Ordinal))
            {
                BlockKitLimits.Check(document.RootElement.GetProperty("view").GetRawText(), maxBlocks: 100, method);
            }
            else if (method.StartsWith("chat.", StringComparison.Ordinal))
            {
                BlockKitLimits.Check(body, maxBlocks: 50, method);
            }
        }
    }

    /// <summary>Form encoding of the UTF-8 bytes, as Slack sends them (an unpaired surrogate becomes U+FFFD).</summary>
    private static string FormEncode(string text)
    {
        var encoded = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
