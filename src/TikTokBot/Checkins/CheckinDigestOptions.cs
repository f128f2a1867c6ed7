namespace TikTokBot.Checkins;

/// <summary>Configuration <c>Checkins:Digest:*</c>: the daily digest's check-in part.</summary>
internal sealed class CheckinDigestOptions
{
    public const string SectionName = "Checkins:Digest";

    /// <summary>
    /// Findings nobody has taken shown with their "I'll take it" and "Assign…" (two blocks each); the rest are counted in
    /// one line. Fewer when the digest's message has less room left (Slack's 50 blocks): the digest stays one message.
    /// </summary>
    public int MaxFindings { get; set; } = 3;

    /// <summary>Fixes taken yesterday, and follow-ups due today, listed each; the rest are counted.</summary>
    public int MaxLines { get; set; } = 8;
}
