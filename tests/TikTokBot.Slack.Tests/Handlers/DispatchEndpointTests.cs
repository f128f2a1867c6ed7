using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.Handlers;

public class DispatchEndpointTests
{
    [Fact]
    public async Task A_command_answered_inline_returns_the_message_as_the_ack_body()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<InlineAnswer>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(text: "<!channel> & co"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("in_channel", body.GetProperty("response_type").GetString());
        Assert.Equal("Metrics for &lt;!channel&gt; &amp; co", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_command_without_a_handler_gets_an_ephemeral_explanation()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<InlineAnswer>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(command: "/other"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains("/other", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_acks_at_once_answers_200_and_later_responds_through_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        var gate = new Gate();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<AckThenRespond>("/ttmetrics"), services: s => s.AddSingleton(gate));

        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(responseUrl: slack.BaseUrl + "respond/1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(["acking"], host.Log.Entries);

        gate.Open();
        await host.Log.WaitForAsync(e => e == "responded");
        var respond = Assert.Single(slack.CallsTo("respond"));
        Assert.Equal("Report ready", respond.Json.GetProperty("text").GetString());
        Assert.True(respond.Json.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task A_handler_that_returns_without_acking_is_acknowledged_with_an_empty_200()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<NoAck>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(["returned without ack"], host.Log.Entries);
    }

    [Fact]
    public async Task A_second_ack_is_refused()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<DoubleAck>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await host.Log.WaitForAsync(e => e == "second ack refused");
        Assert.Equal(["second ack refused"], host.Log.Entries);
    }

    [Fact]
    public async Task When_nothing_acks_before_the_deadline_an_empty_ack_is_sent_with_a_warning_and_a_late_ack_is_refused()
    {
        var gate = new Gate();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<SlowToAck>("/ttmetrics"),
            new Dictionary<string, string?> { ["Slack:AckTimeout"] = "00:00:00.100" }, s => s.AddSingleton(gate));

        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var logs = host.Services.GetRequiredService<ListLoggerProvider>();
        Assert.Contains(logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("was not acknowledged within", StringComparison.Ordinal));

        gate.Open();
        await host.Log.WaitForAsync(e => e == "late ack refused");
    }

    [Fact]
    public async Task The_response_url_answers_five_times_and_refuses_the_sixth()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<RespondSixTimes>("/ttmetrics"));
        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(responseUrl: slack.BaseUrl + "respond/1"));
        await host.Log.WaitForAsync(e => e.StartsWith("refused", StringComparison.Ordinal));
        Assert.Equal(["responded 1", "responded 2", "responded 3", "responded 4", "responded 5", "refused 6"], host.Log.Entries);
        Assert.Equal(5, slack.CallsTo("respond").Count);
    }

    [Fact]
    public async Task When_every_handler_slot_is_taken_a_command_waits_for_one_and_is_then_told_to_try_again()
    {
        var gate = new Gate();
        await using var host = await SlackTestHost.StartAsync(
            h => h.OnCommand<SlowBackground>("/ttmetrics"),
            settings: new Dictionary<string, string?> { ["Slack:MaxConcurrentHandlers"] = "1", ["Slack:AckTimeout"] = "00:00:00.300" },
            services: s => s.AddSingleton(gate));

        // The first command acks and keeps its slot while its work goes on.
        Assert.Equal("", await (await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm())).Content.ReadAsStringAsync());
        var turnedAway = JsonDocument.Parse(await (await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm())).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", turnedAway.GetProperty("response_type").GetString());
        Assert.StartsWith("I am answering a lot of requests right now", turnedAway.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Log.Entries);

        // Once that work is done its slot is free, and the next command is handled.
        gate.Open();
        await host.Log.WaitForAsync(e => e == "background finished");
        Assert.Equal("", await (await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm())).Content.ReadAsStringAsync());
        await host.Log.WaitForAsync(e => host.Log.Entries.Count == 2);
        Assert.Equal(["background finished", "background finished"], host.Log.Entries);
    }

    [Fact]
    public async Task Handlers_idle_completes_only_when_the_work_after_the_ack_is_done()
    {
        var gate = new Gate();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<SlowBackground>("/ttmetrics"), services: s => s.AddSingleton(gate));
        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());

        var idle = host.Services.GetRequiredService<TikTokBot.Slack.Handlers.SlackDispatcher>().WhenHandlersIdleAsync(CancellationToken.None);
        Assert.False(idle.IsCompleted);
        gate.Open();
        await idle;
        Assert.Equal(["background finished"], host.Log.Entries);
    }

    [Fact]
    public async Task Graceful_shutdown_waits_for_work_that_continues_after_the_ack()
    {
        var gate = new Gate();
        var host = await SlackTestHost.StartAsync(h => h.OnCommand<SlowBackground>("/ttmetrics"), services: s => s.AddSingleton(gate));
        var log = host.Log;
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(log.Entries);

        // The work is released only once shutdown says it is waiting for it; if shutdown did not wait, the log would
        // still be empty.
        var waiting = host.Services.GetRequiredService<ListLoggerProvider>().WhenLoggedAsync(line => line.StartsWith("Waiting for 1 Slack handler", StringComparison.Ordinal));
        var shutdown = host.DisposeAsync().AsTask();
        await waiting;
        gate.Open();
        await shutdown;
        Assert.Equal(["background finished"], log.Entries);
    }

    [Theory]
    [InlineData("fix", "exact fix")]
    [InlineData("fix:campaign-42", "prefix fix:campaign-42 v")]
    [InlineData("fix:deep:1", "long-prefix fix:deep:1")]
    public async Task Block_actions_route_by_exact_id_before_the_longest_prefix(string actionId, string expected)
    {
        await using var host = await SlackTestHost.StartAsync(h => h
            .OnAction<ActionRecorder>("fix").OnActionPrefix<PrefixRecorder>("fix:").OnActionPrefix<LongPrefixRecorder>("fix:deep:"));
        var json = $$"""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":"{{actionId}}","value":"v","type":"button"}]}""";
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], host.Log.Entries);
    }

    [Theory]
    [InlineData("9", "")]
    [InlineData("25", """{"response_action":"errors","errors":{"hour":"Pick an hour between 0 and 23."}}""")]
    public async Task A_view_submission_closes_the_modal_or_answers_with_field_errors(string hour, string expectedBody)
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnViewSubmission<SubmissionValidator>("subscribe"));
        var json = """{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V1","callback_id":"subscribe","state":{"values":{"hour":{"hour_input":{"type":"number_input","value":"HOUR"}}}}}}""".Replace("HOUR", hour, StringComparison.Ordinal);
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedBody, await response.Content.ReadAsStringAsync());
        Assert.Equal(["submitted " + hour], host.Log.Entries);
    }

    [Theory]
    [InlineData("""{"type":"view_closed","team":{"id":"T1"},"view":{"callback_id":"subscribe"}}""", "closed subscribe")]
    [InlineData("""{"type":"shortcut","team":{"id":"T1"},"callback_id":"quick_report","trigger_id":"t"}""", "shortcut quick_report")]
    [InlineData("""{"type":"message_action","team":{"id":"T1"},"callback_id":"explain","channel":{"id":"C7"},"message":{"ts":"1.2"}}""", "message shortcut explain C7")]
    public async Task Closings_and_shortcuts_route_by_callback_id(string json, string expected)
    {
        await using var host = await SlackTestHost.StartAsync(h => h
            .OnViewClosed<ClosedRecorder>("subscribe").OnShortcut<ShortcutRecorder>("quick_report").OnMessageShortcut<MessageShortcutRecorder>("explain"));
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], host.Log.Entries);
    }

    [Theory]
    [InlineData("/slack/commands", "text=hello", "missing_command")]
    [InlineData("/slack/interactions", "nothing=here", "missing_payload")]
    [InlineData("/slack/interactions", "payload=%7Bnot+json", "malformed_json")]
    [InlineData("/slack/interactions", "payload=%7B%22type%22%3A%22dialog_submission%22%7D", "unsupported_interaction_type")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\"}", "missing_event")]
    [InlineData("/slack/events", "<xml/>", "malformed_json")]
    public async Task Malformed_signed_input_is_a_400_with_a_reason(string path, string body, string reason)
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<NoAck>("/ttmetrics"));
        var response = await host.PostSignedAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task The_events_endpoint_answers_the_url_verification_challenge()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/slack/events", """{"token":"x","challenge":"c-123","type":"url_verification"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-123", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_is_acknowledged_and_its_handler_runs()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnEvent<HomeOpened>("app_home_opened"));
        var response = await host.PostSignedAsync("/slack/events",
            """{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Log.WaitForAsync(e => e == "home opened by U1 in T1");
    }

    [Fact]
    public async Task Say_posts_to_the_requests_channel_with_the_bot_token_of_the_requests_team()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<SayInChannel>("/ttmetrics"),
            new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl });
        await host.Services.GetRequiredService<TikTokBot.Slack.OAuth.IInstallationStore>().SaveAsync(
            new TikTokBot.Slack.OAuth.SlackInstallation { TeamId = "T9", BotToken = "xoxb-t9" }, CancellationToken.None);

        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(teamId: "T9"));
        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(teamId: "T1"));
        await host.Log.WaitUntilAsync(entries => entries.Count(e => e.StartsWith("said", StringComparison.Ordinal)) == 2);

        var posts = slack.CallsTo("chat.postMessage");
        Assert.Equal(["Bearer xoxb-single", "Bearer xoxb-t9"], posts.Select(p => p.Authorization).Order());
        Assert.All(posts, p => Assert.Equal(("C1", "Daily digest"), (p.Json.GetProperty("channel").GetString(), p.Json.GetProperty("text").GetString())));
        Assert.Empty(slack.CallsTo("respond"));
    }

    [Fact]
    public async Task A_retried_event_is_acknowledged_but_handled_once()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnEvent<HomeOpened>("app_home_opened"));
        const string body = """{"type":"event_callback","team_id":"T1","event_id":"Ev42","event":{"type":"app_home_opened","user":"U1"}}""";

        var first = await host.PostSignedAsync("/slack/events", body);
        var retry = await host.PostSignedAsync("/slack/events", body);
        var other = await host.PostSignedAsync("/slack/events", body.Replace("Ev42", "Ev43", StringComparison.Ordinal));
        await host.Services.GetRequiredService<TikTokBot.Slack.Handlers.SlackBackgroundWork>().StopAsync(CancellationToken.None);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, retry.StatusCode, other.StatusCode });
        Assert.Equal(["home opened by U1 in T1", "home opened by U1 in T1"], host.Log.Entries);
    }
}
