using TikTokBot.Storage;

namespace TikTokBot.Alerts;

/// <summary>What <c>alerts</c> lists for a channel: its settings, its latest alerts, and the workspace's mutes and snoozes.</summary>
/// <param name="SilenceCounts">How often this channel's people snoozed and muted each rule, the most first.</param>
internal sealed record AlertsOverview(
    AlertSubscription? Channel, IReadOnlyList<SentAlert> Recent, IReadOnlyList<AlertSilence> Silences, DateTimeOffset? NextScan, IReadOnlyList<AlertSilenceCount> SilenceCounts);
