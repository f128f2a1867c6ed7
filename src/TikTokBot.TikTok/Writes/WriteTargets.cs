using TikTokBot.Domain.Actions;

namespace TikTokBot.TikTok.Writes;

/// <summary>
/// Which advertiser to act on, the token that may (the workspace's connection; null: the static <c>TikTok:AccessToken</c>),
/// and the account's currency and IANA time zone, whose days budgets and limits follow.
/// </summary>
/// <param name="Route">Which target its actions go to (<see cref="IWriteTargets"/>).</param>
public sealed record AdvertiserAccess(string AdvertiserId, string? AccessToken, string Currency = "USD", string TimeZone = "UTC", WriteRoute Route = WriteRoute.Deployment)
{
    /// <summary>Keeps the token out of ToString so a logged access cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AdvertiserId = ").Append(AdvertiserId).Append(", Currency = ").Append(Currency).Append(", TimeZone = ").Append(TimeZone).Append(", Route = ").Append(Route);
        return true;
    }
}

/// <summary>What a write left behind: TikTok's request id (for the audit), and whether it only happened in memory.</summary>
public sealed record WriteOutcome(string? RequestId, bool Simulated);

/// <summary>
/// Where actions go: TikTok's API, the demo data (in memory, every result marked simulated), or nowhere (CSV is
/// read-only). Reads are always fresh, never cached: a decision about money is made on the state as it is now.
/// </summary>
public interface ITikTokWriteTarget
{
    /// <summary>Actions change nothing real (demo data).</summary>
    bool Simulated { get; }

    /// <summary>Why this source cannot act at all, or null when it can.</summary>
    string? ReadOnlyReason { get; }

    /// <summary>The campaign or ad group now, with today's spend (account-local day <paramref name="accountToday"/>); null when it does not exist.</summary>
    Task<TargetState?> ReadAsync(AdvertiserAccess access, ActionLevel level, string id, DateOnly accountToday, CancellationToken ct);

    Task<WriteOutcome> SetStatusAsync(AdvertiserAccess access, ActionLevel level, string id, bool enabled, CancellationToken ct);

    /// <summary>A daily budget is written as the next day's (<c>scheduled_budget</c>) on an ad group; a lifetime one applies now.</summary>
    Task<WriteOutcome> SetBudgetAsync(AdvertiserAccess access, ActionLevel level, string id, decimal budget, BudgetMode mode, CancellationToken ct);
}

/// <summary>The source cannot act: the message says why and what to use instead.</summary>
public sealed class ReadOnlySourceException(string message) : Sources.MetricSourceException(message);

/// <summary>An Ads Manager export is a copy of past figures: nothing to write to.</summary>
public sealed class CsvWriteTarget : ITikTokWriteTarget
{
    public const string Reason =
        "TikTokBot is reading an Ads Manager export (TikTok:Source=Csv), which is a read-only copy of past figures: it cannot pause, resume or change budgets. " +
        "Make the change in TikTok Ads Manager, or connect TikTok's API (TikTok:Source=Api) to act from Slack.";

    public bool Simulated => false;

    public string? ReadOnlyReason => Reason;

    public Task<TargetState?> ReadAsync(AdvertiserAccess access, ActionLevel level, string id, DateOnly accountToday, CancellationToken ct) =>
        throw new ReadOnlySourceException(Reason);

    public Task<WriteOutcome> SetStatusAsync(AdvertiserAccess access, ActionLevel level, string id, bool enabled, CancellationToken ct) =>
        throw new ReadOnlySourceException(Reason);

    public Task<WriteOutcome> SetBudgetAsync(AdvertiserAccess access, ActionLevel level, string id, decimal budget, BudgetMode mode, CancellationToken ct) =>
        throw new ReadOnlySourceException(Reason);
}
