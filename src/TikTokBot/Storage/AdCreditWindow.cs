namespace TikTokBot.Storage;

internal sealed record AdCreditWindow(
    string Id, CreditScope Scope, string ScopeId, decimal Amount, DateOnly StartsOn, DateOnly ExpiresOn, string AddedBy, DateTimeOffset AddedAt);
