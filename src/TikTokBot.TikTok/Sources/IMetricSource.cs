using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.TikTok.Sources;

public enum ScopeLevel
{
    Campaign,
    AdGroup,
    Ad,
}

/// <summary>A campaign, ad group or ad, by its TikTok id.</summary>
public readonly record struct Scope(ScopeLevel Level, string Id)
{
    public static Scope Campaign(string id) => new(ScopeLevel.Campaign, id);

    public override string ToString() => $"{Level}:{Id}";
}

public enum BreakdownDimension
{
    AdGroup,
    Ad,
    Age,
    Gender,
    Placement,
    Device,
}

/// <summary>A campaign as the source lists it.</summary>
/// <param name="ObjectiveType">TikTok's <c>objective_type</c>, as reported.</param>
/// <param name="Objective">The objective it maps to, or null for a type TikTok has not documented.</param>
/// <param name="Status">TikTok's <c>operation_status</c>: ENABLE or DISABLE.</param>
/// <param name="SecondaryStatus">TikTok's <c>secondary_status</c> (CAMPAIGN_STATUS_DELETE...), when the source has one.</param>
/// <param name="StatusChangedOn">The day of TikTok's <c>modify_time</c>: for a campaign no longer enabled, the latest it can have changed.</param>
/// <param name="TimeZone">The advertiser's IANA time zone: its daily rows, "today" and "yesterday" are days there.</param>
/// <param name="AdvertiserName">The advertiser account's name when the source knows it (a connected account).</param>
public sealed record CampaignInfo(
    string Id,
    string Name,
    string AdvertiserId,
    string ObjectiveType,
    Objective? Objective,
    string Status,
    decimal? Budget,
    DateOnly CreatedOn,
    string Currency = "USD",
    bool Automated = false,
    string? SecondaryStatus = null,
    DateOnly? StatusChangedOn = null,
    string TimeZone = "UTC",
    string? AdvertiserName = null)
{
    public CampaignStatus DeliveryStatus => StatusFrom(Status, SecondaryStatus);

    /// <summary>
    /// TikTok's operation and secondary status of a campaign or ad group, reduced to whether it can deliver. Deleted
    /// wins over paused (a deleted one is also disabled, but can never be turned on again); an ad group whose campaign
    /// is off (ADGROUP_STATUS_CAMPAIGN_DISABLE) is paused too.
    /// </summary>
    public static CampaignStatus StatusFrom(string operationStatus, string? secondaryStatus) =>
        secondaryStatus?.Contains("DELETE", StringComparison.OrdinalIgnoreCase) == true ? CampaignStatus.Deleted
        : string.Equals(operationStatus, "DISABLE", StringComparison.OrdinalIgnoreCase) || secondaryStatus?.EndsWith("_DISABLE", StringComparison.OrdinalIgnoreCase) == true
            ? CampaignStatus.Paused
            : CampaignStatus.Enabled;

    /// <summary>"paused since 19 Nov 2026", "deleted", or null while enabled.</summary>
    public string? StatusLabel => Campaign.DescribeStatus(DeliveryStatus, StatusChangedOn);

    public bool OptimisesForPurchase => ObjectiveCatalogue.IsPurchaseObjectiveType(ObjectiveType);

    /// <summary>The advertiser as a person knows it: its name, else its id.</summary>
    public string Advertiser => string.IsNullOrEmpty(AdvertiserName) ? AdvertiserId : AdvertiserName;
}

/// <summary>One row of a breakdown: a segment (an ad group, an age band...) and its totals over the range.</summary>
/// <param name="Status">For an ad group that is not enabled, "paused since 19 Nov 2026" or "deleted"; otherwise null.</param>
public sealed record BreakdownRow(string Key, string Name, ScopeTotals Totals, string? Status = null);

/// <summary>
/// Where metrics come from: the TikTok API, an Ads Manager export, or the demo data. Every figure is a raw,
/// additive count; reach is asked for the exact scope and range, never summed from parts.
/// </summary>
public interface IMetricSource
{
    Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ended campaigns the list above leaves out, still readable by id: the account's history. TikTok's list already
    /// holds its disabled campaigns, so only a source that hides them (the demo) answers anything here.
    /// </summary>
    Task<IReadOnlyList<CampaignInfo>> ListEndedCampaignsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CampaignInfo>>([]);

    /// <summary>The scope's raw counts per day over the range, oldest first; days without delivery may be absent.</summary>
    Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken);

    /// <summary>
    /// The scope's raw counts for each hour of <paramref name="day"/> the source has reported for the scope's advertiser so
    /// far, oldest first: an hour reported for the advertiser in which this scope delivered nothing is there with zeros.
    /// Null when the source has no hourly figures (then nothing may be concluded from hours).
    /// </summary>
    Task<IReadOnlyList<HourlyTotals>?> GetHourlyAsync(Scope scope, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HourlyTotals>?>(null);

    /// <summary>Unique people reached by the whole scope over the whole range; null when the source cannot say.</summary>
    Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken);

    Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken);
}

/// <summary>A problem with the data source that the user can act on; the message says what to do.</summary>
public class MetricSourceException(string message, Exception? inner = null) : Exception(message, inner);
