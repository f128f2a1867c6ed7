namespace TikTokBot.Accounts;

/// <summary>What TikTok's callback came to.</summary>
internal abstract record ConnectOutcome
{
    /// <summary>The advertisers now connected to <see cref="TeamId"/>, and those the authorisation may not read (not connected).</summary>
    internal sealed record Connected(string TeamId, string UserId, IReadOnlyList<AdvertiserAccount> Advertisers, IReadOnlyList<string> WithoutReportingPermission) : ConnectOutcome;

    /// <summary>Nothing was stored; <see cref="Message"/> says what happened and how to start again.</summary>
    internal sealed record Failed(ConnectFailure Reason, string Message) : ConnectOutcome;
}
