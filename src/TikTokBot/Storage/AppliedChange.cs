using TikTokBot.Domain.Actions;

namespace TikTokBot.Storage;

/// <summary>A change the bot's own action made on TikTok (recorded done), told to whoever listens.</summary>
/// <param name="ChangedOn">The day of the change in the advertiser's time zone.</param>
/// <param name="IsUndo">The action undid an earlier one.</param>
internal sealed record AppliedChange(string TeamId, string ActionId, string CampaignId, string? AdGroupId, ActionKind Kind, DateOnly ChangedOn, bool IsUndo);
