using TikTokBot.Domain;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Digests;

/// <summary>Yesterday against the average day of the 7 days before it, for one metric.</summary>
public sealed record DigestComparison(MetricId Metric, decimal? Yesterday, decimal? PreviousWeek, decimal? ChangePercent);

/// <summary>One campaign's part of a daily digest.</summary>
public sealed record CampaignDigest(
    CampaignInfo Campaign,
    DateOnly Day,
    IReadOnlyList<DigestComparison> Comparisons,
    LearningPhaseAssessment Learning,
    CreditWindowReport? Credit,
    CreditLessons? CreditBought,
    Finding? TopFinding);

/// <summary>
/// Builds the daily digest of a workspace's campaigns: the figures come from the metric source, the judgements from
/// the engine, the targets and credit windows from the workspace's own settings.
/// </summary>
public sealed class DigestBuilder(IMetricSource source, CampaignFactsLoader loader, CampaignEngine engine, CampaignCredit credits)
{
    public async Task<IReadOnlyList<CampaignDigest>> BuildAsync(IWorkspaceStore store, IReadOnlyCollection<string>? campaignIds, DateOnly today, CancellationToken ct)
    {
        var yesterday = today.AddDays(-1);
        var windows = await store.CreditWindows.ListAsync(ct);
        var digests = new List<CampaignDigest>();
        foreach (var campaign in await source.ListCampaignsAsync(ct))
        {
            if (campaignIds is { Count: > 0 } && !campaignIds.Contains(campaign.Id))
            {
                continue;
            }

            var criteria = await store.SuccessCriteria.FindCriteriaAsync(campaign.Id, ct);
            var facts = await loader.LoadAsync(campaign, new DateRange(yesterday, yesterday), criteria, ct);
            var week = await loader.LoadAsync(campaign, DateRange.Ending(yesterday.AddDays(-1), 7), criteria, ct);
            // Judged on the last 7 closed days, yesterday included, as the Home tab and /ttmetrics judge them.
            var recent = await loader.LoadAsync(campaign, DateRange.Ending(yesterday, 7), criteria, ct);
            var window = windows.LatestFor(campaign.Id);
            var (credit, bought) = window is null ? (null, null) : await CreditAsync(campaign, window, yesterday, criteria, ct);
            digests.Add(new CampaignDigest(
                campaign, yesterday, Compare(facts, week), engine.AssessLearning(recent, today),
                credit, bought, engine.Diagnose(recent).TopFinding));
        }

        return digests;
    }

    /// <summary>The objective's primary metrics: yesterday's value against the previous week's, both from summed counts.</summary>
    private static IReadOnlyList<DigestComparison> Compare(CampaignFacts yesterday, CampaignFacts week) =>
        yesterday.Profile.Primary.Append(yesterday.Profile.Outcome).Distinct()
            .Where(m => m != MetricId.Reach)
            .Select(m =>
            {
                var now = yesterday.Current.Value(m);
                var before = week.Current.Value(m);
                // Counts are compared with the average day; rates and costs are already per outcome.
                if (MetricCatalogue.Get(m).Unit == MetricUnit.Count && before is { } total)
                {
                    before = total / week.Period.Days;
                }

                decimal? change = now is { } n && before is { } b && b != 0 ? (n - b) / b * 100m : null;
                return new DigestComparison(m, now, before, change);
            })
            .ToArray();

    private async Task<(CreditWindowReport, CreditLessons?)> CreditAsync(
        CampaignInfo campaign, AdCreditWindow window, DateOnly yesterday, SuccessCriteria? criteria, CancellationToken ct)
    {
        var (report, range, daily) = await credits.AssessAsync(campaign, window, yesterday, criteria?.TargetCostPerOutcome, ct);
        if (!report.IsEndOfWindow && yesterday < window.ExpiresOn)
        {
            return (report, null);
        }

        // At the end of the window: what the credit bought besides results.
        var ads = await source.GetBreakdownAsync(campaign.Id, BreakdownDimension.Ad, range, ct);
        var ages = await source.GetBreakdownAsync(campaign.Id, BreakdownDimension.Age, range, ct);
        var whole = new ScopeTotals(RawTotals.Sum(daily.Select(d => d.Counts)));
        var lessons = CreditLessons.From(ads.Select(a => new NamedTotals(a.Name, a.Totals)), ages.Select(a => new NamedTotals(a.Name, a.Totals)), whole,
            engine.Options.CreditWindow);
        return (report, lessons);
    }
}
