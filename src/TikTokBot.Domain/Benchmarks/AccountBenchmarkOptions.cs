namespace TikTokBot.Domain.Benchmarks;

/// <summary>
/// Configuration <c>Benchmarks</c>: how the account's own benchmarks are drawn from its campaign history.
/// Project defaults; TikTok publishes no rule for this.
/// </summary>
public sealed class AccountBenchmarkOptions
{
    public const string SectionName = "Benchmarks";

    /// <summary>Closed days of history, ending yesterday, that the account's benchmarks are drawn from.</summary>
    public int HistoryDays { get; set; } = 90;

    /// <summary>A campaign counts only with at least this many impressions in the window (as the rules need to judge one).</summary>
    public long MinimumImpressions { get; set; } = 1000;

    /// <summary>Fewer campaigns than this (the judged one left out) is not enough history to compare with.</summary>
    public int MinimumCampaigns { get; set; } = 3;
}
