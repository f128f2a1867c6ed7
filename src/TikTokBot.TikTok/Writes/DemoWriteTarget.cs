using System.Collections.Concurrent;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Writes;

/// <summary>
/// Actions on the demo data set: a pause or a budget change is kept in memory and shows in every later read of this
/// target, and every outcome says it was simulated. Nothing leaves the process.
/// </summary>
/// <param name="changed">Called after each change, so cached reads (the campaign list) show it.</param>
public sealed class DemoWriteTarget(DemoMetricSource demo, Action? changed = null) : ITikTokWriteTarget
{
    private readonly ConcurrentDictionary<string, (bool Enabled, decimal? Budget)> _changed = new(StringComparer.Ordinal);

    public bool Simulated => true;

    public string? ReadOnlyReason => null;

    public async Task<TargetState?> ReadAsync(AdvertiserAccess access, ActionLevel level, string id, DateOnly accountToday, CancellationToken ct)
    {
        var campaignId = id.Split('-')[0];
        var campaign = demo.DataSet.Campaigns.FirstOrDefault(c => c.Info.Id == campaignId)?.Info;
        if (campaign is null || access.AdvertiserId != campaign.AdvertiserId)
        {
            return null;
        }

        string name;
        decimal? budget;
        if (level == ActionLevel.Campaign)
        {
            if (id != campaignId)
            {
                return null;
            }

            name = campaign.Name;
            budget = campaign.Budget;
        }
        else
        {
            var group = (await demo.GetBreakdownAsync(campaignId, BreakdownDimension.AdGroup, new DateRange(accountToday.AddDays(-1), accountToday), ct).ConfigureAwait(false))
                .FirstOrDefault(g => g.Key == id);
            if (group is null)
            {
                return null;
            }

            name = group.Name;
            // The demo campaign's budget shared out as its delivery is: the ad group's share of yesterday's spend.
            var yesterday = RawTotals.Sum((await demo.GetDailyAsync(Scope.Campaign(campaignId), new DateRange(accountToday.AddDays(-1), accountToday.AddDays(-1)), ct).ConfigureAwait(false)).Select(d => d.Counts)).Spend;
            var groupYesterday = RawTotals.Sum((await demo.GetDailyAsync(new Scope(ScopeLevel.AdGroup, id), new DateRange(accountToday.AddDays(-1), accountToday.AddDays(-1)), ct).ConfigureAwait(false)).Select(d => d.Counts)).Spend;
            budget = yesterday > 0m && campaign.Budget is { } total ? Math.Round(total * groupYesterday / yesterday, 0) : null;
        }

        var scope = level == ActionLevel.Campaign ? Scope.Campaign(id) : new Scope(ScopeLevel.AdGroup, id);
        var spend = RawTotals.Sum((await demo.GetDailyAsync(scope, new DateRange(accountToday, accountToday), ct).ConfigureAwait(false)).Select(d => d.Counts)).Spend;
        var (enabled, current) = _changed.TryGetValue(id, out var changed) ? changed : (campaign.Status == "ENABLE", budget);
        return new TargetState(level, id, name, campaignId, enabled, current, BudgetMode.Daily, false, spend, campaign.Currency, CampaignName: campaign.Name);
    }

    public Task<WriteOutcome> SetStatusAsync(AdvertiserAccess access, ActionLevel level, string id, bool enabled, CancellationToken ct) =>
        Change(access, level, id, current => (enabled, current.Budget), ct);

    public Task<WriteOutcome> SetBudgetAsync(AdvertiserAccess access, ActionLevel level, string id, decimal budget, BudgetMode mode, CancellationToken ct) =>
        Change(access, level, id, current => (current.Enabled, budget), ct);

    private async Task<WriteOutcome> Change(AdvertiserAccess access, ActionLevel level, string id, Func<(bool Enabled, decimal? Budget), (bool, decimal?)> change, CancellationToken ct)
    {
        var state = await ReadAsync(access, level, id, demo.DataSet.Today, ct).ConfigureAwait(false)
                    ?? throw new MetricSourceException($"The demo data has no {(level == ActionLevel.Campaign ? "campaign" : "ad group")} {id}.");
        var now = change((state.Enabled, state.Budget));
        _changed[id] = now;
        if (level == ActionLevel.Campaign)
        {
            demo.SimulateStatus(id, now.Item1);
        }

        changed?.Invoke();
        return new WriteOutcome($"simulated-{Guid.NewGuid():N}", Simulated: true);
    }
}
