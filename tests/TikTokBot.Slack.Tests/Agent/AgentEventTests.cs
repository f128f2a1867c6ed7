using System.Net;
using TikTokBot.Slack.Payloads.Events;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.Agent;

/// <summary>The agent messages events, in the shapes of Slack's reference pages, signed and posted to a real host.</summary>
public class AgentEventTests
{
    private static Task<SlackTestHost> StartAsync() => SlackTestHost.StartAsync(h => h
        .OnEvent<AppHomeOpened, RecordsAgentEvents>()
        .OnEvent<AppContextChanged, RecordsAgentEvents>()
        .OnEvent<MessageEvent, RecordsAgentEvents>()
        .OnEvent<AssistantThreadStarted, RecordsAgentEvents>()
        .OnEvent<AssistantThreadContextChanged, RecordsAgentEvents>());

    private static string Envelope(string eventJson, string id = "Ev1") =>
        $$"""{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"{{id}}","event_time":1700000000,"authorizations":[{"team_id":"T1","user_id":"U9","is_bot":true,"is_enterprise_install":false}],"event":{{eventJson}}}""";

    [Fact]
    public async Task The_messages_tab_opening_arrives_typed_with_its_tab()
    {
        await using var host = await StartAsync();
        var response = await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"app_home_opened","user":"U1","channel":"D1","tab":"messages","event_ts":"1700000000.000100"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Log.WaitForAsync(e => e == "home U1 D1 tab=messages messages=True team=T1");
    }

    [Fact]
    public async Task A_context_change_names_the_channel_being_viewed_first_of_its_entities()
    {
        await using var host = await StartAsync();
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"app_context_changed","user":"U1","channel":"D1","context":{"entities":[{"type":"slack#/types/channel_id","value":"C01234ABDCE","team_id":"T1"},{"type":"slack#/types/message_context","value":{"channel_id":"C01234ABDCE","message_ts":"1.2"}}]},"event_ts":"1.3"}""", "Ev1"));
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"app_context_changed","user":"U1","channel":"D1","context":{},"event_ts":"1.4"}""", "Ev2"));
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"app_context_changed","user":"U1","channel":"D1","context":{"entities":[{"type":"slack#/types/canvas_id","value":"F1"}]},"event_ts":"1.5"}""", "Ev3"));

        await host.Log.WaitUntilAsync(entries => entries.Count == 3);
        Assert.Equal(
            ["context U1 D1 viewing=- entities=0", "context U1 D1 viewing=- entities=1", "context U1 D1 viewing=C01234ABDCE entities=2"],
            host.Log.Entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_direct_message_is_told_apart_from_the_apps_own_echo_and_edits()
    {
        await using var host = await StartAsync();
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"message","channel":"D1","user":"U1","text":"how is campaign-42 doing?","ts":"1700000001.000200","thread_ts":"1700000000.000100","channel_type":"im","event_ts":"1700000001.000200","team":"T1"}""", "Ev1"));
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"message","channel":"D1","bot_id":"B1","user":"U9","text":"campaign-42, last 7 days","ts":"1700000002.000300","channel_type":"im","event_ts":"1700000002.000300"}""", "Ev2"));
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"message","subtype":"message_changed","channel":"D1","channel_type":"im","ts":"1700000003.000400","event_ts":"1700000003.000400"}""", "Ev3"));

        await host.Log.WaitUntilAsync(entries => entries.Count == 3);
        Assert.Equal(
            [
                "message - D1 im=True person=False thread=- text=",
                "message U1 D1 im=True person=True thread=1700000000.000100 text=how is campaign-42 doing?",
                "message U9 D1 im=True person=False thread=- text=campaign-42, last 7 days",
            ],
            host.Log.Entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_2024_assistant_thread_events_carry_the_thread_and_the_viewed_channel()
    {
        await using var host = await StartAsync();
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"assistant_thread_started","assistant_thread":{"user_id":"U1","context":{"channel_id":"C42","team_id":"T1","enterprise_id":"E1"},"channel_id":"D1","thread_ts":"1729999327.187299"},"event_ts":"1715873754.429808"}""", "Ev1"));
        await host.PostSignedAsync("/slack/events", Envelope(
            """{"type":"assistant_thread_context_changed","assistant_thread":{"user_id":"U1","context":{"channel_id":"C43","team_id":"T1","enterprise_id":"E1"},"channel_id":"D1","thread_ts":"1729999327.187299"},"event_ts":"1715873755.429808"}""", "Ev2"));

        await host.Log.WaitUntilAsync(entries => entries.Count == 2);
        Assert.Equal(["moved 1729999327.187299 viewing=C43", "started U1 D1 1729999327.187299 viewing=C42"], host.Log.Entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unsigned_agent_event_is_refused_before_any_handler_reads_it()
    {
        await using var host = await StartAsync();
        var response = await host.PostSignedAsync("/slack/events",
            Envelope("""{"type":"app_home_opened","user":"U1","channel":"D1","tab":"messages"}"""), signature: "v0=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public void One_handler_type_may_serve_several_events_but_each_event_type_comes_from_its_payload_type()
    {
        Assert.Equal(
            ["app_home_opened", "app_context_changed", "message", "assistant_thread_started", "assistant_thread_context_changed"],
            new[] { AppHomeOpened.EventType, AppContextChanged.EventType, MessageEvent.EventType, AssistantThreadStarted.EventType, AssistantThreadContextChanged.EventType });
    }
}
