namespace TikTokBot.Accounts;

/// <summary>What <see cref="AccountsService.BeginConnectAsync"/> gives the person who asked.</summary>
internal abstract record ConnectStart
{
    /// <summary>TikTok's authorisation page for this person; the link works once, until <see cref="ExpiresAt"/>.</summary>
    internal sealed record Link(Uri Url, DateTimeOffset ExpiresAt) : ConnectStart;

    /// <summary>Not allowed or not possible; <see cref="Message"/> says why and who can.</summary>
    internal sealed record Refused(string Message) : ConnectStart;
}
