namespace TikTokBot.Domain.Benchmarks;

/// <summary>
/// Industry figures a campaign is compared with (configuration <c>Diagnosis:Benchmarks</c>). Rates are written
/// in percent, as people quote them; the defaults are the published figures listed in DOMAIN.md section 4.
/// </summary>
public sealed class BenchmarkOptions
{
    public decimal CtrAveragePercent { get; set; } = 0.61m;

    public decimal CtrConversionOptimisedPercent { get; set; } = 0.84m;

    public decimal CtrStrongPercent { get; set; } = 1m;

    public decimal CtrReviewPercent { get; set; } = 0.3m;

    public decimal CpmLow { get; set; } = 1.82m;

    public decimal CpmHigh { get; set; } = 9.16m;

    public decimal CpcDestinationLow { get; set; } = 0.17m;

    public decimal CpcDestinationHigh { get; set; } = 1.00m;

    public decimal CpcDestinationMedian { get; set; } = 0.50m;

    public decimal CpcDestinationWarning { get; set; } = 2.50m;

    public decimal CvrClicksPercent { get; set; } = 1.92m;

    public decimal CvrPurchasePercent { get; set; } = 0.46m;

    /// <summary>Project default: the platform CTR times the clicks-based CVR (0.61% x 1.92%).</summary>
    public decimal CvrImpressionsPercent { get; set; } = 0.0117m;

    /// <summary>Project default for purchase events: the platform CTR times the purchase CVR (0.61% x 0.46%).</summary>
    public decimal CvrImpressionsPurchasePercent { get; set; } = 0.0028m;

    public decimal FrequencyWarning { get; set; } = 3m;

    public decimal FrequencyAlert { get; set; } = 4m;
}
