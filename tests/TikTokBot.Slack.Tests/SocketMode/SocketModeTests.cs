using System.Text.Json;
using TikTokBot.Slack.Tests.Handlers;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.SocketMode;

public class SocketModeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static async Task<(FakeSlack Slack, SlackTestHost Host)> StartAsync()
    {
        var slack = await FakeSlack.StartAsync();
        var host = await SlackTestHost.StartAsync(
            h => h.OnCommand<InlineAnswer>("/ttmetrics").OnAction<ActionRecorder>("fix").OnEvent<HomeOpened>("app_home_opened"),
            new Dictionary<string, string?>
            {
                ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
                ["Slack:AppToken"] = "xapp-test",
                ["Slack:SocketReconnectBaseDelay"] = "00:00:00.050",
            });
        return (slack, host);
    }

    private static string CommandEnvelope(string envelopeId, string text) =>
        """{"envelope_id":"ENVELOPE","type":"slash_commands","accepts_response_payload":true,"payload":{"token":"x","team_id":"T1","channel_id":"C1","user_id":"U1","command":"/ttmetrics","text":"TEXT","is_enterprise_install":"false","response_url":"https://hooks.slack.com/x","trigger_id":"t"}}"""
            .Replace("ENVELOPE", envelopeId, StringComparison.Ordinal).Replace("TEXT", text, StringComparison.Ordinal);

    private static async Task<JsonElement> NextAckAsync(TrackedSocket socket, CancellationToken ct)
    {
        var text = await socket.ReceiveTextAsync(ct) ?? throw new InvalidOperationException("socket closed");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_slash_command_envelope_is_handled_and_acknowledged_by_its_envelope_id_with_the_inline_answer()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);

        var socket = await slack.AcceptSocketAsync(cts.Token);
        await socket.SendTextAsync("""{"type":"hello","num_connections":1}""", cts.Token);
        await socket.SendTextAsync(CommandEnvelope("env-1", "campaign-42"), cts.Token);
        var ack = await NextAckAsync(socket, cts.Token);

        Assert.Equal("env-1", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("Metrics for campaign-42", ack.GetProperty("payload").GetProperty("text").GetString());
        Assert.Equal(["inline campaign-42"], host.Log.Entries);
        Assert.Equal("Bearer xapp-test", Assert.Single(slack.CallsTo("apps.connections.open")).Authorization);
    }

    [Fact]
    public async Task Interactive_and_event_envelopes_feed_the_same_handlers_as_http()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);
        var socket = await slack.AcceptSocketAsync(cts.Token);

        await socket.SendTextAsync("""{"envelope_id":"env-a","type":"interactive","payload":{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":"fix","value":"v"}]}}""", cts.Token);
        var actionAck = await NextAckAsync(socket, cts.Token);
        await socket.SendTextAsync("""{"envelope_id":"env-e","type":"events_api","payload":{"type":"event_callback","team_id":"T1","event":{"type":"app_home_opened","user":"U1"}}}""", cts.Token);
        var eventAck = await NextAckAsync(socket, cts.Token);
        await host.Log.WaitForAsync(e => e.StartsWith("home opened", StringComparison.Ordinal));

        Assert.Equal(("env-a", "env-e"), (actionAck.GetProperty("envelope_id").GetString(), eventAck.GetProperty("envelope_id").GetString()));
        Assert.False(eventAck.TryGetProperty("payload", out JsonElement _));
        Assert.Equal(["exact fix", "home opened by U1 in T1"], host.Log.Entries);
    }

    [Fact]
    public async Task A_redelivered_envelope_is_acknowledged_again_but_handled_only_once()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);
        var socket = await slack.AcceptSocketAsync(cts.Token);

        await socket.SendTextAsync(CommandEnvelope("env-1", "first"), cts.Token);
        await NextAckAsync(socket, cts.Token);
        await socket.SendTextAsync(CommandEnvelope("env-1", "first"), cts.Token);
        var second = await NextAckAsync(socket, cts.Token);

        Assert.Equal("env-1", second.GetProperty("envelope_id").GetString());
        Assert.Equal(["inline first"], host.Log.Entries);
    }

    [Fact]
    public async Task A_disconnect_message_makes_the_client_reconnect_and_carry_on()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);
        var first = await slack.AcceptSocketAsync(cts.Token);

        await first.SendTextAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"x"}}""", cts.Token);
        var second = await slack.AcceptSocketAsync(cts.Token);
        await second.SendTextAsync(CommandEnvelope("env-2", "after refresh"), cts.Token);
        var ack = await NextAckAsync(second, cts.Token);

        Assert.Equal("env-2", ack.GetProperty("envelope_id").GetString());
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
        Assert.Equal(["inline after refresh"], host.Log.Entries);
    }

    [Fact]
    public async Task A_socket_dropped_mid_stream_is_reopened_and_envelopes_are_never_handled_twice()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);
        var first = await slack.AcceptSocketAsync(cts.Token);
        await first.SendTextAsync(CommandEnvelope("env-1", "before drop"), cts.Token);
        await NextAckAsync(first, cts.Token);

        first.Drop();
        var second = await slack.AcceptSocketAsync(cts.Token);
        await second.SendTextAsync(CommandEnvelope("env-1", "before drop"), cts.Token);
        var redelivered = await NextAckAsync(second, cts.Token);
        await second.SendTextAsync(CommandEnvelope("env-3", "after drop"), cts.Token);
        var fresh = await NextAckAsync(second, cts.Token);

        Assert.Equal(("env-1", "env-3"), (redelivered.GetProperty("envelope_id").GetString(), fresh.GetProperty("envelope_id").GetString()));
        Assert.Equal(["inline before drop", "inline after drop"], host.Log.Entries);
    }

    [Fact]
    public async Task Unreadable_frames_are_skipped_and_a_malformed_envelope_is_acknowledged_without_running_anything()
    {
        var (slack, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = host;
        using var cts = new CancellationTokenSource(Guard);
        var socket = await slack.AcceptSocketAsync(cts.Token);

        await socket.SendTextAsync("not json at all", cts.Token);
        await socket.SendTextAsync("[1,2,3]", cts.Token);
        await socket.SendTextAsync("""{"envelope_id":"env-bad","type":"interactive","payload":{"type":"mystery"}}""", cts.Token);
        var ack = await NextAckAsync(socket, cts.Token);

        Assert.Equal("env-bad", ack.GetProperty("envelope_id").GetString());
        Assert.Empty(host.Log.Entries);
        Assert.Single(slack.CallsTo("apps.connections.open"));
    }
}
