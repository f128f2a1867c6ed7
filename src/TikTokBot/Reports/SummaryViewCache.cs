using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Reports;

/// <summary>
/// A summary's view, built once per facts object and period label. The facts loader hands out one facts object for
/// as long as the source's cache keeps the same rows, so a cached summary skips the engine and Block Kit, and the
/// view is dropped with the facts.
/// </summary>
public static class SummaryViewCache
{
    private static readonly ConditionalWeakTable<CampaignFacts, ConcurrentDictionary<string, IReadOnlyList<SlackMessage>>> Views = new();

    public static IReadOnlyList<SlackMessage> GetOrBuild(CampaignFacts facts, string period, Func<IReadOnlyList<SlackMessage>> build) =>
        Views.GetOrCreateValue(facts).GetOrAdd(period, static (_, build) => build(), build);
}
