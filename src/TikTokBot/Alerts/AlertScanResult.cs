namespace TikTokBot.Alerts;

/// <summary>What one scan did. <see cref="Complete"/> is false when a report could not be read whole: then nothing was raised.</summary>
/// <param name="Noted">Info alerts kept for the channels' daily digests (never posted on their own).</param>
/// <param name="WithBaseline">Campaigns judged against their own usual range; the rest had too little history and met the fixed floor.</param>
internal sealed record AlertScanResult(
    string TeamId, bool Complete, int CampaignsRead, IReadOnlyList<FoundAlert> Found, int Posted, int Held, int Capped, int Released, int Recovered, string? Failure,
    int Noted = 0, int WithBaseline = 0)
{
    public static AlertScanResult Nothing(string teamId) => new(teamId, true, 0, [], 0, 0, 0, 0, 0, null);
}
