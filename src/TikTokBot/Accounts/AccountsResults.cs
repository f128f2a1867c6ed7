using TikTokBot.Domain.Money;
using TikTokBot.Storage;

namespace TikTokBot.Accounts;

/// <summary>A workspace's connected advertiser as the commands show it; the token never leaves storage this way.</summary>
internal sealed record AdvertiserAccount(
    string AdvertiserId, string Name, Currency Currency, string TimeZone, string ConnectedBy, DateTimeOffset ConnectedAt,
    TikTokTokenState TokenState, DateTimeOffset? TokenRefusedAt)
{
    internal static AdvertiserAccount From(TikTokConnection c) =>
        new(c.AdvertiserId, c.Name, Currency.Of(c.Currency), c.TimeZone, c.ConnectedBy, c.ConnectedAt, c.TokenState, c.TokenRefusedAt);
}

/// <summary>What <see cref="AccountsService.BeginConnectAsync"/> gives the person who asked.</summary>
internal abstract record ConnectStart
{
    /// <summary>TikTok's authorisation page for this person; the link works once, until <see cref="ExpiresAt"/>.</summary>
    public sealed record Link(Uri Url, DateTimeOffset ExpiresAt) : ConnectStart;

    /// <summary>Not allowed or not possible; <see cref="Message"/> says why and who can.</summary>
    public sealed record Refused(string Message) : ConnectStart;
}

internal enum ConnectFailure
{
    /// <summary>The state was not signed by this app, or names no connect link.</summary>
    ForgedState,
    ExpiredState,
    UsedState,

    /// <summary>TikTok came back without an auth code: the person cancelled.</summary>
    NotAuthorised,

    /// <summary>TikTok refused or failed a call; nothing was stored.</summary>
    TikTokError,

    /// <summary>None of the authorised advertisers may be read.</summary>
    NoReadableAdvertiser,

    /// <summary>TikTok:AppId, TikTok:AppSecret or App:PublicUrl is missing.</summary>
    NotConfigured,
}

/// <summary>What TikTok's callback came to.</summary>
internal abstract record ConnectOutcome
{
    /// <summary>The advertisers now connected to <see cref="TeamId"/>, and those the authorisation may not read (not connected).</summary>
    public sealed record Connected(string TeamId, string UserId, IReadOnlyList<AdvertiserAccount> Advertisers, IReadOnlyList<string> WithoutReportingPermission) : ConnectOutcome;

    /// <summary>Nothing was stored; <see cref="Message"/> says what happened and how to start again.</summary>
    public sealed record Failed(ConnectFailure Reason, string Message) : ConnectOutcome;
}

internal enum AccountChange
{
    Done,
    NotConnected,
    Refused,
}

/// <summary>The result of a change to a workspace's accounts; <see cref="Message"/> is the plain answer to show.</summary>
internal sealed record AccountChangeResult(AccountChange Change, string Message);
