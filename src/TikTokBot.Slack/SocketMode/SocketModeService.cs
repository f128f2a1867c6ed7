using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.SocketMode;

/// <summary>
/// Socket Mode client, active when <c>Slack:AppToken</c> is set: opens a connection with apps.connections.open,
/// acknowledges every envelope by its id as soon as the handler acks, feeds the same dispatcher as HTTP,
/// reconnects on <c>disconnect</c> at once and on a dropped socket with backoff, and handles each envelope once.
/// </summary>
internal sealed partial class SocketModeService(
    IOptionsMonitor<SlackOptions> options, ISlackAppApi api, SlackDispatcher dispatcher, SlackBackgroundWork work,
    TimeProvider time, ILogger<SocketModeService> logger) : BackgroundService
{
    private readonly RecentIds _seen = new(4096);

    /// <summary>Completed connections, for tests and diagnostics.</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.CurrentValue.AppToken))
            return;

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var open = await api.OpenSocketConnectionAsync(stoppingToken);
                if (string.IsNullOrEmpty(open.Url))
                    throw new SlackApiException("apps.connections.open", "missing_url", open);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(open.Url), stoppingToken);
                Connections++;
                LogConnected(logger, Connections);
                var refresh = await ReceiveAsync(socket, () => failures = 0, stoppingToken);
                if (!refresh)
                    failures++;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogDropped(logger, ex, failures);
            }

            if (failures > 0)
            {
                var o = options.CurrentValue;
                var delay = TimeSpan.FromTicks(Math.Min(o.SocketReconnectMaxDelay.Ticks, o.SocketReconnectBaseDelay.Ticks << Math.Min(failures - 1, 16)));
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Reads envelopes until Slack asks for a new connection (true) or the socket drops (false).</summary>
    private async Task<bool> ReceiveAsync(ClientWebSocket socket, Action onHello, CancellationToken ct)
    {
        var sendLock = new SemaphoreSlim(1, 1);
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct);
                buffer.Advance(result.Count);
            } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
                return false;

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(buffer.WrittenMemory);
            }
            catch (JsonException)
            {
                LogUnreadable(logger, buffer.WrittenCount);
                continue;
            }
            using var _ = doc;
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                continue;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "hello":
                    onHello();
                    break;
                case "disconnect":
                    LogDisconnect(logger, root.TryGetProperty("reason", out var r) ? r.GetString() : null);
                    await CloseQuietlyAsync(socket);
                    return true;
                case "events_api" or "slash_commands" or "interactive":
                    var envelopeId = root.TryGetProperty("envelope_id", out var e) ? e.GetString() : null;
                    if (string.IsNullOrEmpty(envelopeId) || !root.TryGetProperty("payload", out var payload))
                        break;
                    if (!_seen.Add(envelopeId))
                    {
                        // A redelivery: our earlier ack may have been lost, so ack again but do not handle again.
                        LogDuplicate(logger, envelopeId);
                        work.Track(SendAckAsync(socket, sendLock, envelopeId, null, ct));
                        break;
                    }
                    work.Track(HandleAsync(socket, sendLock, type, envelopeId, Encoding.UTF8.GetBytes(payload.GetRawText()), ct));
                    break;
            }
        }
        return false;
    }

    private async Task HandleAsync(ClientWebSocket socket, SemaphoreSlim sendLock, string type, string envelopeId, byte[] payload, CancellationToken ct)
    {
        SlackAckResponse? ack = null;
        try
        {
            ack = type switch
            {
                "slash_commands" => await dispatcher.DispatchCommandAsync(
                    JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlashCommand) ?? throw new SlackPayloadException("empty_payload")),
                "interactive" => await dispatcher.DispatchInteractionAsync(SlackPayloadParser.ParseInteraction(payload)),
                _ => SlackPayloadParser.ParseEvent(payload) is EventCallback callback
                    ? await dispatcher.DispatchEventAsync(callback)
                    : SlackAckResponse.Empty,
            };
        }
        catch (Exception ex) when (ex is SlackPayloadException or JsonException)
        {
            LogMalformed(logger, type, envelopeId, ex.Message);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, type, envelopeId);
        }
        await SendAckAsync(socket, sendLock, envelopeId, ack?.IsText == true ? null : ack?.Json, ct);
    }

    private async Task SendAckAsync(ClientWebSocket socket, SemaphoreSlim sendLock, string envelopeId, byte[]? payload, CancellationToken ct)
    {
        var output = new ArrayBufferWriter<byte>(128 + (payload?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id"u8, envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload"u8);
                writer.WriteRawValue(payload, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        await sendLock.WaitAsync(ct);
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, true, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            LogAckLost(logger, envelopeId);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cts.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The old connection is being replaced; a failed close changes nothing.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode message of {Bytes} bytes is not JSON; skipped")]
    private static partial void LogUnreadable(ILogger logger, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connected (connection {Count})")]
    private static partial void LogConnected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection dropped (failure {Failures}); reconnecting with backoff")]
    private static partial void LogDropped(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode disconnect requested ({Reason}); reconnecting")]
    private static partial void LogDisconnect(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode envelope {EnvelopeId} already handled; acknowledged again")]
    private static partial void LogDuplicate(ILogger logger, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode {Type} envelope {EnvelopeId} is malformed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string type, string envelopeId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode {Type} envelope {EnvelopeId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode ack for {EnvelopeId} could not be sent; Slack will redeliver it")]
    private static partial void LogAckLost(ILogger logger, string envelopeId);
}

/// <summary>A bounded set of recently seen ids; the oldest are forgotten first.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public bool Add(string id)
    {
        lock (_gate)
        {
            if (!_set.Add(id))
                return false;
            _order.Enqueue(id);
            if (_order.Count > capacity)
                _set.Remove(_order.Dequeue());
            return true;
        }
    }
}
