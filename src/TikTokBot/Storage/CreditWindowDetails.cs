namespace TikTokBot.Storage;

/// <summary>Ad credit granted to a campaign or a whole advertiser account, usable from <see cref="StartsOn"/> until <see cref="ExpiresOn"/>.</summary>
internal sealed record CreditWindowDetails(CreditScope Scope, string ScopeId, decimal Amount, DateOnly StartsOn, DateOnly ExpiresOn);
