using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Caching;

// The keys of what a source answers, each under the source's name (CachedMetricSource.Name): the configured source
// ("demo", "api", "csv") or a workspace's connected advertisers and token, so two workspaces never share an entry they
// should not.

/// <summary>A source's campaign list: the running ones, or (<paramref name="Ended"/>) those ended within its reach.</summary>
public sealed record CampaignListKey(string Source, bool Ended = false) : CacheKey;

/// <summary>A scope's daily rows over a range.</summary>
public sealed record DailyRowsKey(string Source, Scope Scope, DateRange Range) : CacheKey;

/// <summary>A scope's unique reach over a range.</summary>
public sealed record ReachKey(string Source, Scope Scope, DateRange Range) : CacheKey;

/// <summary>A campaign broken down by ad group, ad, age, gender, placement or platform over a range.</summary>
public sealed record BreakdownKey(string Source, string CampaignId, BreakdownDimension By, DateRange Range) : CacheKey;

/// <summary>A scope's hours of one day.</summary>
public sealed record HourlyRowsKey(string Source, Scope Scope, DateOnly Day) : CacheKey;
