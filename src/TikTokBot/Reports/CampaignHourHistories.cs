using Microsoft.Extensions.Options;
using TikTokBot.Accounts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Accounts.WorkspaceSources;

namespace TikTokBot.Reports;

/// <summary>
/// The hours a campaign's usual range (the alerts' baselines) is drawn from: the same weekday in each of the last
/// <see cref="BaselineOptions.MaximumWeeks"/> weeks, and the days 2 to 6 before today (<see cref="BaselineCheck.KeptDays"/>),
/// so a campaign too young for a baseline still has the days a stopped hour and stopped conversions are judged against. Kept in <see cref="CampaignHoursStore"/>; a day never kept is read from
/// the source once (TikTok answers one advertiser-wide hourly report per day, shared by every campaign of it) and kept.
/// Read ahead with the account history for workspaces with alerts on (<see cref="AccountHistoryReadAhead"/>),
/// so a scan normally reads nothing but today.
/// </summary>
internal sealed class CampaignHourHistories(CampaignHoursStore store, IOptions<BaselineOptions> options, BusinessCalendar calendar)
{
    private BaselineOptions Options => options.Value;

    /// <summary>The earlier same weekdays of each campaign's <c>today</c> (advertiser-local), by campaign id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateTime, RawTotals>>>> EarlierWeeksAsync(
        WorkspaceSource source, IReadOnlyList<(CampaignInfo Campaign, DateOnly Today)> campaigns, CancellationToken ct)
    {
        var wanted = campaigns.SelectMany(c => Weeks(c.Today).Where(day => day >= c.Campaign.CreatedOn).Select(day => (c.Campaign, Day: day))).ToArray();
        var kept = await KeepAsync(source, wanted, ct);
        var result = new Dictionary<string, IReadOnlyList<KeyValuePair<DateTime, RawTotals>>>(StringComparer.Ordinal);
        foreach (var (campaign, day) in wanted)
        {
            if (!result.TryGetValue(campaign.Id, out var hours))
            {
                result[campaign.Id] = hours = new List<KeyValuePair<DateTime, RawTotals>>();
            }

            if (kept.TryGetValue((campaign.Id, day), out var byHour))
            {
                var start = day.ToDateTime(TimeOnly.MinValue);
                ((List<KeyValuePair<DateTime, RawTotals>>)hours).AddRange(byHour.Select(h => new KeyValuePair<DateTime, RawTotals>(start.AddHours(h.Key), h.Value)));
            }
        }

        return result;
    }

    /// <summary>
    /// Reads ahead the days today's and tomorrow's scans will judge against, for every campaign the source lists, each in
    /// its advertiser's time zone. What is kept already is not read again.
    /// </summary>
    public async Task ReadAheadAsync(WorkspaceSource source, CancellationToken ct)
    {
        var wanted = new List<(CampaignInfo, DateOnly)>();
        foreach (var campaign in await source.Source.ListCampaignsAsync(ct))
        {
            var today = calendar.Now(campaign.TimeZone).Today;
            // Yesterday (tomorrow's day 2 before) waits for tomorrow's read-ahead: read now, just after it closed, its last
            // hour would be kept short.
            wanted.AddRange(Weeks(today).Concat(Weeks(today.AddDays(1))).Distinct().Where(day => day >= campaign.CreatedOn && day < today.AddDays(-1))
                .Select(day => (campaign, day)));
        }

        await KeepAsync(source, wanted, ct);
    }

    private IEnumerable<DateOnly> Weeks(DateOnly today) => BaselineCheck.KeptDays(today, Options);

    /// <summary>The wanted days from storage, reading and keeping the ones never kept.</summary>
    private async Task<Dictionary<(string CampaignId, DateOnly Day), IReadOnlyDictionary<int, RawTotals>>> KeepAsync(
        WorkspaceSource source, IReadOnlyList<(CampaignInfo Campaign, DateOnly Day)> wanted, CancellationToken ct)
    {
        var days = wanted.Select(w => w.Day).Distinct().ToArray();
        var kept = new Dictionary<(string, DateOnly), IReadOnlyDictionary<int, RawTotals>>(await store.FindAsync(source.Name, days, ct));
        // Days older than any scan judges against (with a day's margin for the time zones) are forgotten.
        var oldest = calendar.Now().Today.AddDays(-7 * Options.MaximumWeeks - 2);
        foreach (var day in wanted.Where(w => !kept.ContainsKey((w.Campaign.Id, w.Day))).GroupBy(w => w.Day))
        {
            // Every campaign of the day at once: the source reads the advertiser's hourly report for the day once for all.
            var read = await Task.WhenAll(day.Select(async w => (w.Campaign.Id, Hours: await source.Source.GetHourlyAsync(Scope.Campaign(w.Campaign.Id), day.Key, ct))));
            var byCampaign = read.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<int, RawTotals>)(r.Hours ?? [])
                .Where(h => DateOnly.FromDateTime(h.Hour) == day.Key)
                .GroupBy(h => h.Hour.Hour)
                .ToDictionary(g => g.Key, g => RawTotals.Sum(g.Select(h => h.Counts))), StringComparer.Ordinal);
            // A source without hourly figures keeps an empty day: no baseline, and no asking again at every scan.
            await store.SaveAsync(source.Name, day.Key, byCampaign, oldest, ct);
            foreach (var (id, hours) in byCampaign)
            {
                kept[(id, day.Key)] = hours;
            }
        }

        return kept;
    }
}
