namespace TikTokBot.Reports;

/// <summary>Configuration <c>Reports:*</c>.</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// How far a breakdown row's cost per result may stray from the campaign's average before it is marked: 0.3 marks a
    /// row 30% dearer (▼) or 30% cheaper (▲) than the average of all rows.
    /// </summary>
    public double FarFromAverage { get; set; } = 0.3;

    /// <summary>
    /// How long a reply waits for the account's history when it is still being read (just after a start or a connect), so the
    /// first question gets the same yardsticks as the next; past it the reply uses TikTok's benchmarks and says so.
    /// </summary>
    public TimeSpan HistoryWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Read every workspace source's account history at start and hourly after an advertiser's day closes.</summary>
    public bool ReadHistoryAhead { get; set; } = true;
}
