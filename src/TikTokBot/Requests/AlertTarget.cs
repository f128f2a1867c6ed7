using TikTokBot.Domain.Alerts;

namespace TikTokBot.Requests;

/// <summary>An alert's snooze, mute or undo: which campaign and rule it stands for.</summary>
internal sealed record AlertTarget(string CampaignId, AlertRule Rule) : ButtonValue;
