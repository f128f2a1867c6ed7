namespace TikTokBot.Domain.Metrics;

/// <summary>The additive counts of <see cref="RawTotals"/>, as flags: which ones a source did not report.</summary>
[Flags]
public enum RawCount
{
    None = 0,
    Impressions = 1 << 0,
    Spend = 1 << 1,
    DestinationClicks = 1 << 2,
    AllClicks = 1 << 3,
    Conversions = 1 << 4,
    RealTimeConversions = 1 << 5,
    VideoViews = 1 << 6,
    VideoViews2s = 1 << 7,
    VideoViews6s = 1 << 8,
    VideoViewsP25 = 1 << 9,
    VideoViewsP50 = 1 << 10,
    VideoViewsP75 = 1 << 11,
    VideoViewsP100 = 1 << 12,
    VideoPlaySeconds = 1 << 13,
    PurchaseValue = 1 << 14,
}

/// <summary>
/// The additive raw counts of a scope (a day, an ad, a campaign...). Reach is deliberately absent:
/// it cannot be added, see <see cref="ScopeTotals"/>. Every ratio is derived from these sums, never averaged.
/// </summary>
public readonly record struct RawTotals
{
    public long Impressions { get; init; }

    /// <summary>Gross spend in the ad account currency.</summary>
    public decimal Spend { get; init; }

    /// <summary>Clicks that left TikTok for the destination (TikTok field <c>clicks</c>).</summary>
    public long DestinationClicks { get; init; }

    /// <summary>Every interaction, destination clicks included (TikTok field <c>engagements</c>).</summary>
    public long AllClicks { get; init; }

    public long Conversions { get; init; }

    public long RealTimeConversions { get; init; }

    public long VideoViews { get; init; }

    public long VideoViews2s { get; init; }

    public long VideoViews6s { get; init; }

    public long VideoViewsP25 { get; init; }

    public long VideoViewsP50 { get; init; }

    public long VideoViewsP75 { get; init; }

    public long VideoViewsP100 { get; init; }

    /// <summary>
    /// Total seconds watched: TikTok's per-view average times the views. Kept as a sum so the average
    /// over any combined scope is weighted by views.
    /// </summary>
    public decimal VideoPlaySeconds { get; init; }

    public decimal PurchaseValue { get; init; }

    /// <summary>
    /// The counts the source did not report (a report type that cannot give them, a field TikTok left out). Their
    /// value here is 0 only as a placeholder: every metric built on them is "no data". A sum inherits the gaps of
    /// its parts, since a total with an unknown part is unknown.
    /// </summary>
    public RawCount Unreported { get; init; }

    /// <summary>Whether every one of these counts was reported.</summary>
    public bool Reported(RawCount counts) => (Unreported & counts) == 0;

    public static RawTotals Zero => default;

    /// <summary>Converts TikTok's <c>average_video_play</c> (seconds per view) into the additive total.</summary>
    public static decimal PlaySecondsFromAverage(decimal averageSecondsPerView, long videoViews) => averageSecondsPerView * videoViews;

    public static RawTotals operator +(RawTotals a, RawTotals b) => new()
    {
        Impressions = a.Impressions + b.Impressions,
        Spend = a.Spend + b.Spend,
        DestinationClicks = a.DestinationClicks + b.DestinationClicks,
        AllClicks = a.AllClicks + b.AllClicks,
        Conversions = a.Conversions + b.Conversions,
        RealTimeConversions = a.RealTimeConversions + b.RealTimeConversions,
        VideoViews = a.VideoViews + b.VideoViews,
        VideoViews2s = a.VideoViews2s + b.VideoViews2s,
        VideoViews6s = a.VideoViews6s + b.VideoViews6s,
        VideoViewsP25 = a.VideoViewsP25 + b.VideoViewsP25,
        VideoViewsP50 = a.VideoViewsP50 + b.VideoViewsP50,
        VideoViewsP75 = a.VideoViewsP75 + b.VideoViewsP75,
        VideoViewsP100 = a.VideoViewsP100 + b.VideoViewsP100,
        VideoPlaySeconds = a.VideoPlaySeconds + b.VideoPlaySeconds,
        PurchaseValue = a.PurchaseValue + b.PurchaseValue,
        Unreported = a.Unreported | b.Unreported,
    };

    /// <summary>Sums a block of rows with one pass and no allocation.</summary>
    public static RawTotals Sum(ReadOnlySpan<RawTotals> rows)
    {
        var sum = new Accumulator();
        foreach (ref readonly var row in rows)
        {
            sum.Add(in row);
        }

        return sum.Total;
    }

    public static RawTotals Sum(IEnumerable<RawTotals> rows)
    {
        var sum = new Accumulator();
        foreach (var row in rows)
        {
            sum.Add(in row);
        }

        return sum.Total;
    }

    /// <summary>A mutable running sum: adding in place avoids copying the whole record once per row.</summary>
    public struct Accumulator
    {
        private long _impressions, _destinationClicks, _allClicks, _conversions, _realTimeConversions;
        private long _videoViews, _views2s, _views6s, _p25, _p50, _p75, _p100;
        private decimal _spend, _playSeconds, _purchaseValue;
        private RawCount _unreported;

        public void Add(in RawTotals row)
        {
            _impressions += row.Impressions;
            _spend += row.Spend;
            _destinationClicks += row.DestinationClicks;
            _allClicks += row.AllClicks;
            _conversions += row.Conversions;
            _realTimeConversions += row.RealTimeConversions;
            _videoViews += row.VideoViews;
            _views2s += row.VideoViews2s;
            _views6s += row.VideoViews6s;
            _p25 += row.VideoViewsP25;
            _p50 += row.VideoViewsP50;
            _p75 += row.VideoViewsP75;
            _p100 += row.VideoViewsP100;
            _playSeconds += row.VideoPlaySeconds;
            _purchaseValue += row.PurchaseValue;
            _unreported |= row.Unreported;
        }

        public readonly RawTotals Total => new()
        {
            Impressions = _impressions,
            Spend = _spend,
            DestinationClicks = _destinationClicks,
            AllClicks = _allClicks,
            Conversions = _conversions,
            RealTimeConversions = _realTimeConversions,
            VideoViews = _videoViews,
            VideoViews2s = _views2s,
            VideoViews6s = _views6s,
            VideoViewsP25 = _p25,
            VideoViewsP50 = _p50,
            VideoViewsP75 = _p75,
            VideoViewsP100 = _p100,
            VideoPlaySeconds = _playSeconds,
            PurchaseValue = _purchaseValue,
            Unreported = _unreported,
        };
    }
}
