using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Ask;
using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// Every reply built from today's or yesterday's figures carries the freshness line (issue 33): each command through the
/// real handler, each Ask intent through the chat box (Slack's path), and the Home tab as Slack receives it. The tables
/// name every command and intent: a new one fails here until it is put among those with figures (and carries the line) or
/// among those without, with the reason.
/// </summary>
public sealed class FreshnessEverywhereTests : IClassFixture<FakeSlackAppFactory>
{
    // Every freshness line says what may still grow (Reports/Freshness.cs): the latest hours, yesterday's conversions.
    private const string Line = "may still grow";

    private readonly FakeSlackAppFactory _factory;

    public FreshnessEverywhereTests(FakeSlackAppFactory factory) => _factory = factory;

    /// <summary>The commands whose replies read the campaigns' figures, with a command line that asks for one.</summary>
    private static readonly Dictionary<Type, string> CommandsWithFigures = new()
    {
        [typeof(MetricsCommand.Summary)] = "campaign-42",
        [typeof(MetricsCommand.Fix)] = "campaign-42 fix",
        [typeof(MetricsCommand.Breakdown)] = "campaign-42 by age",
        [typeof(MetricsCommand.Chart)] = "campaign-42 chart cpa",
        [typeof(MetricsCommand.List)] = "list",
        [typeof(MetricsCommand.Trends)] = "trends",
        [typeof(MetricsCommand.DigestNow)] = "digest now campaign-42",
    };

    /// <summary>The commands whose replies carry no figure of the campaigns, and why.</summary>
    private static readonly Dictionary<Type, string> CommandsWithoutFigures = new()
    {
        [typeof(MetricsCommand.Help)] = "the commands",
        [typeof(MetricsCommand.Explain)] = "why figures may differ from Ads Manager, no figure itself",
        [typeof(MetricsCommand.SetTarget)] = "a setting saved",
        [typeof(MetricsCommand.SetCredit)] = "a setting saved",
        [typeof(MetricsCommand.SetAlias)] = "a setting saved",
        [typeof(MetricsCommand.Subscribe)] = "a subscription saved",
        [typeof(MetricsCommand.Unsubscribe)] = "a subscription removed",
        [typeof(MetricsCommand.Subscriptions)] = "the channel's subscriptions",
        [typeof(MetricsCommand.Connect)] = "a link to connect TikTok",
        [typeof(MetricsCommand.Accounts)] = "the connected advertisers",
        [typeof(MetricsCommand.Disconnect)] = "an advertiser removed",
        [typeof(MetricsCommand.Use)] = "the channel's advertiser",
        [typeof(MetricsCommand.Act)] = "a confirmation of a change to make",
        [typeof(MetricsCommand.Alerts)] = "the channel's alert settings; `alerts check now` and every alert carry the line of the scan's figures (AlertAppTests)",
        [typeof(MetricsCommand.Fixes)] = "who took which fix",
        [typeof(MetricsCommand.Invalid)] = "what was not understood",
    };

    /// <summary>The Ask intents that answer with figures, with a question that asks for them.</summary>
    private static readonly Dictionary<AskIntent, string> IntentsWithFigures = new()
    {
        [AskIntent.Summary] = "how is campaign-42 doing?",
        [AskIntent.Fix] = "what should I fix on campaign-42?",
        [AskIntent.OffTrack] = "Which campaigns are off track this month?",
        [AskIntent.Compare] = "compare campaign-42 with the week before",
        [AskIntent.Credit] = "how much ad credit is left?",
        [AskIntent.Why] = "why did cpa go up on campaign-42?",
        [AskIntent.Breakdown] = "campaign-42 by age",
        [AskIntent.Overview] = "how are all my campaigns doing?",
    };

    private static readonly AskIntent[] IntentsWithoutFigures = [AskIntent.CheckIns, AskIntent.Change, AskIntent.Help];

    [Fact]
    public void Every_command_and_every_intent_is_in_one_table()
    {
        var commands = typeof(MetricsCommand).GetNestedTypes(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(t => t.IsSubclassOf(typeof(MetricsCommand))).ToHashSet();
        Assert.Equal(commands.OrderBy(t => t.Name), CommandsWithFigures.Keys.Concat(CommandsWithoutFigures.Keys).OrderBy(t => t.Name));
        Assert.Equal(Enum.GetValues<AskIntent>().Order(), IntentsWithFigures.Keys.Concat(IntentsWithoutFigures).Order());
    }

    [Fact]
    public async Task Every_command_with_figures_replies_with_the_freshness_line()
    {
        var handler = _factory.Services.GetRequiredService<MetricsCommandHandler>();
        foreach (var (kind, text) in CommandsWithFigures)
        {
            var command = CommandParser.Parse(text);
            Assert.IsType(kind, command);

            var reply = await handler.ReplyAsync(command, new Asker("T-FRESH-ALL", "U1"), CancellationToken.None);

            Assert.True(string.Concat(reply.Select(BlockKitJson.Serialize)).Contains(Line, StringComparison.Ordinal),
                $"`/ttmetrics {text}` ({kind.Name}) replied without the freshness line");
        }
    }

    [Fact]
    public async Task Every_ask_answer_with_figures_carries_the_freshness_line()
    {
        using var client = _factory.CreateKestrelClient();
        var ask = _factory.Services.GetRequiredService<AskService>();
        foreach (var (intent, question) in IntentsWithFigures)
        {
            Assert.Equal(intent, (await ask.UnderstandAsync("T-FRESH-ALL", question, null, CancellationToken.None)).Intent);
            var response = await client.PostAsJsonAsync("/playground/api/ask", new { text = question, conversation = $"fresh-{intent}" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetRawText();

            Assert.True(answer.Contains(Line, StringComparison.Ordinal), $"\"{question}\" ({intent}) answered without the freshness line: {answer}");
        }
    }

    [Fact]
    public async Task The_home_tab_slack_receives_carries_the_freshness_line()
    {
        using var request = SlackTestRequests.Signed("/slack/events", SlackTestRequests.HomeOpened("T-FRESH-HOME", "U-FRESH-HOME", "Ev-fresh-home"), "application/json");
        using var client = _factory.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var publish = (await _factory.WaitForCallsAsync(calls => calls.Any(c => c.Method == "views.publish" && c.Body.Contains("U-FRESH-HOME", StringComparison.Ordinal))))
            .First(c => c.Method == "views.publish" && c.Body.Contains("U-FRESH-HOME", StringComparison.Ordinal));

        Assert.Contains(Line, publish.Body, StringComparison.Ordinal);
    }
}
