using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// Which TikTok advertisers a Slack workspace may act on. Every action asks it with the workspace of the person
/// asking, never with a value from a button, so a forged value naming another workspace's advertiser finds nothing.
/// </summary>
internal interface IWorkspaceAdvertisers
{
    /// <summary>The advertiser with its token, currency and time zone when team <paramref name="teamId"/> owns it; otherwise null.</summary>
    Task<AdvertiserAccess?> FindAsync(string teamId, string advertiserId, CancellationToken ct);

    /// <summary>
    /// The same, from the connections the workspace's reads keep (<c>TikTok:ConnectionsFreshFor</c>) instead of the
    /// database: for deciding which buttons a reply shows. Every action asks <see cref="FindAsync"/> again before it writes.
    /// </summary>
    Task<AdvertiserAccess?> FindForButtonsAsync(string teamId, string advertiserId, CancellationToken ct) => FindAsync(teamId, advertiserId, ct);
}
