namespace TikTokBot.Ask;

/// <summary>Which way the person says a metric moved ("why did cpa go up").</summary>
internal enum MetricDirection
{
    Up,
    Down,
}
