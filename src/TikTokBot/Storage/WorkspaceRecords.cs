namespace TikTokBot.Storage;

/// <summary>What the OAuth install hands over for one workspace.</summary>
internal sealed record InstallationDetails(string? EnterpriseId, string BotToken, string? BotUserId, string InstalledBy)
{
    /// <summary>Keeps the token out of ToString so a logged value cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EnterpriseId = ").Append(EnterpriseId).Append(", BotUserId = ").Append(BotUserId).Append(", InstalledBy = ").Append(InstalledBy);
        return true;
    }
}

/// <summary>The workspace's installation; <see cref="BotToken"/> is decrypted, it is stored only encrypted.</summary>
internal sealed record Installation(string? EnterpriseId, string BotToken, string? BotUserId, string InstalledBy, DateTimeOffset InstalledAt)
{
    /// <summary>Keeps the token out of ToString so a logged value cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EnterpriseId = ").Append(EnterpriseId).Append(", BotUserId = ").Append(BotUserId)
            .Append(", InstalledBy = ").Append(InstalledBy).Append(", InstalledAt = ").Append(InstalledAt);
        return true;
    }
}

/// <summary>A short name a team types instead of a campaign id.</summary>
internal sealed record CampaignAlias(string Alias, string CampaignId, string SetBy, DateTimeOffset SetAt);

/// <summary>What the team agreed success means for one campaign.</summary>
/// <param name="Metric">The metric the target is set on (a <c>MetricId</c> name); null: the objective's cost per result.</param>
internal sealed record SuccessCriteriaDetails(string CampaignId, string Objective, decimal TargetCostPerOutcome, long MinimumVolume, string? Metric = null);

internal sealed record CampaignSuccessCriteria(
    string CampaignId, string Objective, decimal TargetCostPerOutcome, long MinimumVolume, string SetBy, DateTimeOffset SetAt, string? Metric = null);

internal enum CreditScope
{
    Campaign,
    Advertiser,
}

/// <summary>Ad credit granted to a campaign or a whole advertiser account, usable from <see cref="StartsOn"/> until <see cref="ExpiresOn"/>.</summary>
internal sealed record CreditWindowDetails(CreditScope Scope, string ScopeId, decimal Amount, DateOnly StartsOn, DateOnly ExpiresOn);

internal sealed record AdCreditWindow(
    string Id, CreditScope Scope, string ScopeId, decimal Amount, DateOnly StartsOn, DateOnly ExpiresOn, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A channel's daily digest: which campaigns (none listed: all of them), at what local time in which IANA time zone.</summary>
/// <param name="EnterpriseId">The Enterprise Grid organisation it was made in, to find an org-wide installation when posting.</param>
internal sealed record SubscriptionDetails(string ChannelId, IReadOnlyList<string> CampaignIds, TimeOnly LocalTime, string TimeZone, string? EnterpriseId = null);

internal sealed record ChannelSubscription(
    string Id,
    string ChannelId,
    IReadOnlyList<string> CampaignIds,
    TimeOnly LocalTime,
    string TimeZone,
    string SubscribedBy,
    DateTimeOffset SubscribedAt,
    string? PausedReason = null,
    string? EnterpriseId = null)
{
    /// <summary>No campaigns listed means every campaign the workspace can see.</summary>
    public bool AllCampaigns => CampaignIds.Count == 0;

    public bool IsPaused => PausedReason is not null;
}

internal enum DeliveryState
{
    Claimed,
    Delivered,
    Failed,
}

/// <summary>
/// One subscription's digest for one local date; <see cref="PartsPosted"/> counts the messages of a split digest already
/// sent, <see cref="NextAttemptAt"/> is when a failed day is tried again (null: delivered, claimed, or given up).
/// </summary>
internal sealed record DigestDelivery(
    string SubscriptionId,
    DateOnly LocalDate,
    DeliveryState State,
    string? MessageTs,
    string? Failure,
    int Attempts,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? FinishedAt,
    int PartsPosted = 0,
    DateTimeOffset? NextAttemptAt = null);

/// <summary>One entry of the audit trail: who changed which setting from what to what.</summary>
internal sealed record SettingsChange(
    string Setting, string Subject, string? OldValue, string? NewValue, string ChangedBy, DateTimeOffset ChangedAt);
