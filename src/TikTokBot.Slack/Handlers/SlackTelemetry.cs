using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// The library's spans and instruments, on the runtime's own types so the library needs no telemetry package: an app
/// that listens to <see cref="Name"/> (OpenTelemetry's AddSource / AddMeter) gets a span for each verification and each
/// handler run, and the handler slots in use.
/// </summary>
public static class SlackTelemetry
{
    public const string Name = "TikTokBot.Slack";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Handlers running now, the work after their ack included (see <see cref="SlackOptions.MaxConcurrentHandlers"/>).</summary>
    public static readonly UpDownCounter<int> HandlerSlotsInUse =
        Meter.CreateUpDownCounter<int>("tiktokbot.slack.handler_slots.in_use", "{handler}", "Slack handlers running now, including their work after the ack");
}
