using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Ask;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Tests.Permissions;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Ask;

/// <summary>
/// The agent messages end to end: signed events posted to the real app on Kestrel, its Web API calls recorded by the
/// local fake Slack. Each test speaks for a workspace of its own, so threads and settings never mix.
/// </summary>
public sealed class AskConversationTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public AskConversationTests(FakeSlackAppFactory factory) => _factory = factory;

    private int _events;

    private async Task SendEvent(string team, object inner)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "event_callback",
            ["team_id"] = team,
            ["api_app_id"] = "A1",
            ["event_id"] = $"Ev-{team}-{Interlocked.Increment(ref _events)}",
            ["event_time"] = 1,
            ["event"] = inner,
        });
        using var request = SlackTestRequests.Signed("/slack/events", body, "application/json");
        using var client = _factory.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private static object DirectMessage(string channel, string text, string ts, string? threadTs = null, string user = "U-ASKER") =>
        threadTs is null
            ? new { type = "message", channel, user, text, ts, channel_type = "im", event_ts = ts }
            : new { type = "message", channel, user, text, ts, thread_ts = threadTs, channel_type = "im", event_ts = ts };

    /// <summary>The calls to <paramref name="method"/> into one DM channel's thread, once there are <paramref name="count"/>.</summary>
    private async Task<IReadOnlyList<JsonElement>> Posts(string channel, int count, string method = "chat.postMessage")
    {
        var calls = await _factory.WaitForCallsAsync(all => Of(all, method, channel).Count >= count);
        return Of(calls, method, channel);
    }

    private static List<JsonElement> Of(IReadOnlyList<(string Method, string Authorization, string Body)> calls, string method, string channel) =>
        calls.Where(c => c.Method == method)
            .Select(c => JsonDocument.Parse(c.Body).RootElement)
            .Where(j => (j.TryGetProperty("channel", out var ch) ? ch : j.GetProperty("channel_id")).GetString() == channel)
            .ToList();

    /// <summary>
    /// Reads the account history the summaries benchmark against: until it is read, a summary shows trends instead (it
    /// never waits for the read), so two answers compared for equality must both come after it.
    /// </summary>
    internal static async Task ReadHistoryAsync(KestrelAppFactory factory, string team)
    {
        var reports = factory.Services.GetRequiredService<TikTokBot.Reports.ReportService>();
        await (await reports.HistoryAsync(team, CancellationToken.None))!.ReadAsync(CancellationToken.None);
    }

    private AskThreadState? Thread(string team, string channel, string ts) =>
        _factory.Services.GetRequiredService<AskThreads>().Find(new AskThreadKey(team, channel, ts));

    [Fact]
    public async Task A_question_gets_a_status_naming_the_campaign_then_the_commands_own_blocks_in_its_thread()
    {
        await ReadHistoryAsync(_factory, "T-ASK-1");
        await SendEvent("T-ASK-1", DirectMessage("D-ASK-1", "How is campaign-42 doing? 📈", "1700000001.000100"));

        var posts = await Posts("D-ASK-1", 1);
        var calls = _factory.Calls.ToArray();
        var status = Of(calls, "assistant.threads.setStatus", "D-ASK-1");
        var statusAt = Array.FindIndex(calls, c => c.Method == "assistant.threads.setStatus" && c.Body.Contains("D-ASK-1", StringComparison.Ordinal));
        var postAt = Array.FindIndex(calls, c => c.Method == "chat.postMessage" && c.Body.Contains("D-ASK-1", StringComparison.Ordinal));
        Assert.InRange(statusAt, 0, postAt - 1);
        Assert.Equal("is reading campaign-42 Autumn Sale…", status[0].GetProperty("status").GetString());
        Assert.Equal("1700000001.000100", status[0].GetProperty("thread_ts").GetString());
        Assert.Equal("1700000001.000100", posts[0].GetProperty("thread_ts").GetString());

        // The same blocks /ttmetrics campaign-42 answers with, from the same services.
        var command = JsonDocument.Parse(await SlackAsk.Command(_factory, "T-ASK-1", "U-ASKER", "campaign-42")).RootElement;
        Assert.Equal(command.GetProperty("blocks").GetRawText(), posts[0].GetProperty("blocks").GetRawText());
        Assert.Equal(new AskThreadState(AskIntent.Summary, "1800000000000042", TikTok.Calendar.Period.Default), Thread("T-ASK-1", "D-ASK-1", "1700000001.000100"));
    }

    [Fact]
    public async Task Follow_ups_in_the_thread_keep_the_campaign_and_the_period()
    {
        const string team = "T-ASK-2", dm = "D-ASK-2", thread = "1700000002.000100";
        await SendEvent(team, DirectMessage(dm, "what should I fix in autumn sale", thread));
        Assert.Contains("Do this first", (await Posts(dm, 1))[0].GetRawText());

        await SendEvent(team, DirectMessage(dm, "and by age?", "1700000002.000200", thread));
        var byAge = (await Posts(dm, 2))[1].GetRawText();
        Assert.Equal(new AskThreadState(AskIntent.Breakdown, "1800000000000042", TikTok.Calendar.Period.Default, BreakdownDimension.Age), Thread(team, dm, thread));

        await SendEvent(team, DirectMessage(dm, "what about last month?", "1700000002.000300", thread));
        await Posts(dm, 3);
        Assert.Equal(new AskThreadState(AskIntent.Breakdown, "1800000000000042", new(TikTok.Calendar.PeriodKind.LastDays, 30), BreakdownDimension.Age), Thread(team, dm, thread));

        await SendEvent(team, DirectMessage(dm, "and campaign-43?", "1700000002.000400", thread));
        var other = (await Posts(dm, 4))[3];
        Assert.Equal(new AskThreadState(AskIntent.Breakdown, "1800000000000043", new(TikTok.Calendar.PeriodKind.LastDays, 30), BreakdownDimension.Age), Thread(team, dm, thread));

        Assert.Contains("campaign-42 Autumn Sale", byAge);
        Assert.Contains("campaign-43 App Install Push", other.GetRawText());
        Assert.All(await Posts(dm, 4), p => Assert.Equal(thread, p.GetProperty("thread_ts").GetString()));
    }

    [Fact]
    public async Task An_ambiguous_name_asks_back_with_buttons_and_a_press_answers_in_the_thread()
    {
        const string team = "T-ASK-3", dm = "D-ASK-3", thread = "1700000003.000100";
        await SendEvent(team, DirectMessage(dm, "what should i fix in the test campaign", thread));

        var ask = (await Posts(dm, 1))[0];
        var buttons = ask.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["campaign-46 Black Friday Credit Test", "campaign-48 Retargeting Test"], buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Equal(["ask.fix.0", "ask.fix.1"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(["r1|1800000000000046|7d|", "r1|1800000000000048|7d|"], buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.DoesNotContain(_factory.Calls, c => c.Method == "assistant.threads.setStatus" && c.Body.Contains(dm, StringComparison.Ordinal));

        await SlackAsk.Interaction(_factory, new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = team },
            ["user"] = new { id = "U-ASKER" },
            ["channel"] = new { id = dm },
            ["message"] = new { ts = "1700000003.000200", thread_ts = thread },
            ["container"] = new { type = "message", channel_id = dm, message_ts = "1700000003.000200" },
            ["actions"] = new[] { new { action_id = "ask.fix.1", type = "button", value = "r1|1800000000000048|7d|" } },
        });

        var answer = (await Posts(dm, 2))[1];
        Assert.Equal(thread, answer.GetProperty("thread_ts").GetString());
        Assert.Contains("campaign-48 Retargeting Test", answer.GetRawText());
        Assert.Equal(new AskThreadState(AskIntent.Fix, "1800000000000048", TikTok.Calendar.Period.Default), Thread(team, dm, thread));
    }

    [Fact]
    public async Task A_question_it_does_not_understand_gets_the_closest_intents_as_buttons_and_no_status()
    {
        await SendEvent("T-ASK-4", DirectMessage("D-ASK-4", "tell me a joke", "1700000004.000100"));

        var reply = (await Posts("D-ASK-4", 1))[0];
        var ids = reply.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions")
            .GetProperty("elements").EnumerateArray().Select(b => b.GetProperty("action_id").GetString()!).ToList();
        Assert.InRange(ids.Count, 2, 3);
        Assert.All(ids, id => Assert.StartsWith("ask.", id, StringComparison.Ordinal));
        Assert.Contains("did not understand", reply.GetRawText());
        Assert.Null(Thread("T-ASK-4", "D-ASK-4", "1700000004.000100"));
    }

    [Fact]
    public async Task Another_workspaces_alias_is_never_resolved()
    {
        Assert.Contains("now means", await SlackAsk.Command(_factory, "T-ASK-OWNER", "U-ADMIN-ASK", "alias ask-secret campaign-44"));

        await SendEvent("T-ASK-OWNER", DirectMessage("D-ASK-OWNER", "how is ask-secret doing", "1700000005.000100"));
        await SendEvent("T-ASK-VISITOR", DirectMessage("D-ASK-VISITOR", "how is ask-secret doing", "1700000005.000200"));

        Assert.Contains("campaign-44 Webinar Leads", (await Posts("D-ASK-OWNER", 1))[0].GetRawText());
        var visitor = (await Posts("D-ASK-VISITOR", 1))[0];
        Assert.StartsWith("No campaign called `ask-secret`", visitor.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1800000000000044", visitor.GetRawText());
    }

    [Fact]
    public async Task Looking_at_a_channel_with_a_digest_offers_prompts_naming_its_campaigns_without_a_thread()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IWorkspaceStorage>().ForTeam("T-ASK-6").Subscriptions.SubscribeAsync(
                new SubscriptionDetails("C-DIGEST-6", ["1800000000000042", "1800000000000046"], new TimeOnly(9, 0), "UTC"), "U-ADMIN", CancellationToken.None);
        }

        await SendEvent("T-ASK-6", new
        {
            type = "app_context_changed",
            user = "U-ASKER",
            channel = "D-ASK-6",
            context = new { entities = new[] { new { type = "slack#/types/channel_id", value = "C-DIGEST-6", team_id = "T-ASK-6" } } },
            event_ts = "1700000006.000100",
        });
        await SendEvent("T-ASK-6", new { type = "app_context_changed", user = "U-ASKER", channel = "D-ASK-6B", context = new { }, event_ts = "1700000006.000200" });

        var digest = (await Posts("D-ASK-6", 1, "assistant.threads.setSuggestedPrompts"))[0];
        var plain = (await Posts("D-ASK-6B", 1, "assistant.threads.setSuggestedPrompts"))[0];
        Assert.Equal(
            ["How is campaign-42 Autumn Sale doing?", "How is campaign-46 Black Friday Credit Test doing?", "Which campaigns are off track?"],
            digest.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal("how is 1800000000000042 doing", digest.GetProperty("prompts")[0].GetProperty("message").GetString());
        Assert.False(digest.TryGetProperty("thread_ts", out _));
        Assert.DoesNotContain("campaign-42", plain.GetRawText());
        Assert.InRange(plain.GetProperty("prompts").GetArrayLength(), 1, 4);
    }

    [Fact]
    public async Task A_2024_assistant_thread_gets_its_prompts_with_its_thread()
    {
        await SendEvent("T-ASK-7", new
        {
            type = "assistant_thread_started",
            assistant_thread = new { user_id = "U-ASKER", channel_id = "D-ASK-7", thread_ts = "1700000007.000100", context = new { channel_id = "C-NONE", team_id = "T-ASK-7" } },
            event_ts = "1700000007.000100",
        });

        var prompts = (await Posts("D-ASK-7", 1, "assistant.threads.setSuggestedPrompts"))[0];
        Assert.Equal("1700000007.000100", prompts.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task The_apps_own_reply_in_the_thread_is_not_taken_for_a_question()
    {
        await SendEvent("T-ASK-8", new { type = "message", channel = "D-ASK-8", bot_id = "B1", user = "U-BOT", text = "how is campaign-42 doing", ts = "1700000008.000200", thread_ts = "1700000008.000100", channel_type = "im" });
        await SendEvent("T-ASK-8", DirectMessage("D-ASK-8", "which campaigns are off track this month", "1700000008.000300"));

        var posts = await Posts("D-ASK-8", 1);
        Assert.Equal("1700000008.000300", posts[0].GetProperty("thread_ts").GetString());
        Assert.Null(Thread("T-ASK-8", "D-ASK-8", "1700000008.000100"));
    }
}
