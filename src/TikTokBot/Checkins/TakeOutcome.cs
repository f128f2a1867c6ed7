using TikTokBot.Storage;

namespace TikTokBot.Checkins;

/// <summary>What taking, assigning or marking a fix came to: the fix and the campaign's name, or a sentence why not.</summary>
internal sealed record TakeOutcome(Fix? Fix, string CampaignName, string? Refusal)
{
    public static TakeOutcome Refused(string why) => new(null, "", why);
}
