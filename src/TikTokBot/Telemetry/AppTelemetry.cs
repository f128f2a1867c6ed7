using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TikTokBot.Requests;

namespace TikTokBot.Telemetry;

/// <summary>The app's own spans and instruments, beside the Slack library's (<see cref="SlackTelemetry"/>).</summary>
internal static class AppTelemetry
{
    public const string Name = "TikTokBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("tiktokbot.commands", "{command}", "/ttmetrics commands by verb");

    public static readonly Histogram<double> AckDuration =
        Meter.CreateHistogram<double>("tiktokbot.slack.ack.duration", "s", "From a Slack request's arrival to its acknowledgement");

    public static readonly Counter<long> TikTokCalls = Meter.CreateCounter<long>("tiktokbot.tiktok.calls", "{call}", "Calls to the TikTok API for Business");

    public static readonly Counter<long> TikTokErrors =
        Meter.CreateCounter<long>("tiktokbot.tiktok.errors", "{call}", "TikTok calls that failed: transport, HTTP status, or a non-zero code in the body");

    /// <summary>Digests posted; the digest job adds one per delivery (tag <c>outcome</c>: sent or failed).</summary>
    public static readonly Counter<long> Digests = Meter.CreateCounter<long>("tiktokbot.digests", "{digest}", "Digests by outcome: sent or failed");

    /// <summary>A span for one digest run; the digest job starts it so the digest's TikTok and Slack calls become its children.</summary>
    public static Activity? StartDigest(string teamId, string subscriptionId) =>
        Source.StartActivity("digest", ActivityKind.Internal)?.SetTag("tiktokbot.team", teamId).SetTag("tiktokbot.subscription", subscriptionId);

    /// <summary>The command's kind as a metric tag: <c>summary</c>, <c>fix</c>, <c>breakdown</c>, <c>settarget</c>...</summary>
    public static string Verb(MetricsCommand command) => Verbs.GetOrAdd(command.GetType(), static type => type.Name.ToLowerInvariant());

    // Static: each command type's lower-cased name, remembered so counting a command allocates no string; it holds one entry
    // per MetricsCommand type (a fixed, small set), and a name never changes, so every thread may share it.
    private static readonly ConcurrentDictionary<Type, string> Verbs = new();

    /// <summary>Counts a signed <c>/ttmetrics</c> command by verb and tags the handler's span; the handler calls it with the command it parsed.</summary>
    public static void CountCommand(MetricsCommand command)
    {
        var verb = Verb(command);
        AppTelemetry.Commands.Add(1, new KeyValuePair<string, object?>("verb", verb));
        Activity.Current?.SetTag("tiktokbot.command.verb", verb);
    }
}
