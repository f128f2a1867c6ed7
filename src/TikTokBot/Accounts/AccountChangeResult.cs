namespace TikTokBot.Accounts;

/// <summary>The result of a change to a workspace's accounts; <see cref="Message"/> is the plain answer to show.</summary>
internal sealed record AccountChangeResult(AccountChange Change, string Message);
