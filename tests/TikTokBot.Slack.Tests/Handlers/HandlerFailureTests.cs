using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.Handlers;

/// <summary>A handler that fails still answers the person, with a reference that leads to the log line.</summary>
public partial class HandlerFailureTests
{
    [Fact]
    public async Task A_command_that_fails_before_acking_gets_a_private_sentence_with_the_logged_reference()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<Throws>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        var text = body.GetProperty("text").GetString()!;
        Assert.StartsWith("Sorry, something went wrong on my side", text, StringComparison.Ordinal);
        AssertLoggedWithReference(host, text, "handler bug", "acknowledged False");
    }

    [Fact]
    public async Task A_command_that_fails_after_its_ack_is_answered_through_the_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<FailsAfterAck>("/ttmetrics"));
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(responseUrl: slack.BaseUrl + "respond/1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        await FinishBackgroundWorkAsync(host);
        var respond = Assert.Single(slack.CallsTo("respond"));
        Assert.Equal("ephemeral", respond.Json.GetProperty("response_type").GetString());
        Assert.False(respond.Json.GetProperty("replace_original").GetBoolean());
        AssertLoggedWithReference(host, respond.Json.GetProperty("text").GetString()!, "background bug", "acknowledged True");
    }

    [Fact]
    public async Task A_button_that_fails_is_acknowledged_and_answered_privately_through_the_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnAction<ThrowingAction>("fix"));
        var json = $$"""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"response_url":"{{slack.BaseUrl}}respond/2","actions":[{"action_id":"fix","value":"v","type":"button"}]}""";
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        await FinishBackgroundWorkAsync(host);
        var respond = Assert.Single(slack.CallsTo("respond"));
        Assert.False(respond.Json.GetProperty("replace_original").GetBoolean());
        AssertLoggedWithReference(host, respond.Json.GetProperty("text").GetString()!, "button bug", "action fix");
    }

    [Fact]
    public async Task A_modal_submission_that_fails_pushes_a_modal_with_the_sentence_over_the_form()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnViewSubmission<ThrowingSubmission>("subscribe"));
        var json = """{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V1","callback_id":"subscribe","state":{"values":{}}}}""";
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("push", body.GetProperty("response_action").GetString());
        var view = body.GetProperty("view");
        Assert.Equal("modal", view.GetProperty("type").GetString());
        AssertLoggedWithReference(host, view.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!, "modal bug", "view_submission subscribe");
    }

    [Fact]
    public async Task A_shortcut_that_fails_tells_the_person_in_a_direct_message()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnShortcut<ThrowingShortcut>("quick_report"),
            new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl });
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.InteractionForm(
            """{"type":"shortcut","team":{"id":"T1"},"user":{"id":"U7"},"callback_id":"quick_report","trigger_id":"t"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await FinishBackgroundWorkAsync(host);
        var post = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("U7", post.Json.GetProperty("channel").GetString());
        AssertLoggedWithReference(host, post.Json.GetProperty("text").GetString()!, "shortcut bug", "shortcut quick_report");
    }

    [Fact]
    public async Task An_event_handler_that_fails_tells_the_user_privately_in_the_events_channel()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(h => h.OnEvent<ThrowingEvent>("app_home_opened"),
            new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl });
        var response = await host.PostSignedAsync("/slack/events",
            """{"type":"event_callback","team_id":"T1","event_id":"Ev9","event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await FinishBackgroundWorkAsync(host);
        var post = Assert.Single(slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(("D1", "U1"), (post.Json.GetProperty("channel").GetString(), post.Json.GetProperty("user").GetString()));
        AssertLoggedWithReference(host, post.Json.GetProperty("text").GetString()!, "home bug", "event app_home_opened");
    }

    [Fact]
    public async Task Two_failures_get_different_references()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnCommand<Throws>("/ttmetrics"));
        var first = Reference(JsonDocument.Parse(await (await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm())).Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString()!);
        var second = Reference(JsonDocument.Parse(await (await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm())).Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString()!);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_event_without_a_team_id_is_refused_and_no_handler_runs()
    {
        await using var host = await SlackTestHost.StartAsync(h => h.OnEvent<HomeOpened>("app_home_opened"));
        var response = await host.PostSignedAsync("/slack/events",
            """{"type":"event_callback","event_id":"Ev1","event":{"type":"app_home_opened","user":"U1","channel":"D1"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("missing_team_id", await response.Content.ReadAsStringAsync());

        await FinishBackgroundWorkAsync(host);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task Events_take_handler_slots_and_wait_for_one_like_commands()
    {
        var gate = new Gate();
        await using var host = await SlackTestHost.StartAsync(h => h.OnEvent<SlowEvent>("app_home_opened"),
            new Dictionary<string, string?> { ["Slack:MaxConcurrentHandlers"] = "1", ["Slack:AckTimeout"] = "00:00:00.300" },
            s => s.AddSingleton(gate));
        const string body = """{"type":"event_callback","team_id":"T1","event_id":"EvA","event":{"type":"app_home_opened","user":"U1","channel":"D1"}}""";

        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync("/slack/events", body)).StatusCode);
        await host.Log.WaitForAsync(e => e == "event started EvA");
        // The only slot is held by the first event's handler, so the second waits out the ack timeout and is dropped.
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync("/slack/events", body.Replace("EvA", "EvB", StringComparison.Ordinal))).StatusCode);
        var logs = host.Services.GetRequiredService<ListLoggerProvider>();
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message == "Slack event app_home_opened turned away: 1 handlers already running");

        gate.Open();
        await FinishBackgroundWorkAsync(host);
        Assert.Equal(["event started EvA", "event finished EvA"], host.Log.Entries);

        // With the slot free again, the next event runs.
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync("/slack/events", body.Replace("EvA", "EvC", StringComparison.Ordinal))).StatusCode);
        await host.Log.WaitForAsync(e => e == "event finished EvC");
    }

    /// <summary>The definite signal that every handler, and every notice it led to, has finished.</summary>
    private static Task FinishBackgroundWorkAsync(SlackTestHost host) =>
        host.Services.GetRequiredService<SlackBackgroundWork>().StopAsync(CancellationToken.None);

    private static string Reference(string sentence)
    {
        var match = ReferencePattern().Match(sentence);
        Assert.True(match.Success, "No reference in: " + sentence);
        return match.Groups[1].Value;
    }

    /// <summary>The person's sentence carries a reference, and the one error line logged for the failure carries the same.</summary>
    private static void AssertLoggedWithReference(SlackTestHost host, string sentence, params string[] alsoLogged)
    {
        Assert.Equal(
            $"Sorry, something went wrong on my side and I could not finish this; please try again, and quote reference {Reference(sentence)} if it keeps happening.",
            sentence);
        var errors = host.Services.GetRequiredService<ListLoggerProvider>().Lines.Where(l => l.Level == LogLevel.Error).ToArray();
        var line = Assert.Single(errors);
        Assert.Contains("reference " + Reference(sentence), line.Message, StringComparison.Ordinal);
        foreach (var part in alsoLogged)
            Assert.Contains(part, line.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("reference ([0-9a-f]{8})")]
    private static partial Regex ReferencePattern();
}
