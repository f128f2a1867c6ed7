using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary>
/// The daily digest's check-in part (Checkins: fixes taken yesterday, follow-ups due today with their verdicts, findings
/// nobody has taken, with their buttons). Owned here so the digest reaches check-ins through this one interface and
/// never depends on them.
/// </summary>
internal interface IDigestCheckin
{
    /// <summary>
    /// <paramref name="digest"/> with the check-in part of the campaigns of <paramref name="overviews"/> (read as of the
    /// digest's time, each in its advertiser's days) added to its last message, within the room that message has left:
    /// never a message more. The digest as it was when there is nothing to say or the part cannot be read.
    /// </summary>
    Task<IReadOnlyList<SlackMessage>> WithCheckinAsync(string teamId, IReadOnlyList<CampaignOverview> overviews, IReadOnlyList<SlackMessage> digest, CancellationToken ct);
}
