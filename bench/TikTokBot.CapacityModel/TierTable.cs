using System.Globalization;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.CapacityModel;

/// <summary>
/// How many advertisers (and workspaces) one TikTok developer app serves on each tier, from the calls one advertiser
/// costs a day and three bounds: the day's calls (background work stops short of the share kept for people), the
/// busiest digest minute (one time zone's 09:00 within <see cref="DigestWindow"/>), and the report task budget for large accounts.
/// </summary>
internal static class TierTable
{
    /// <summary>How long one time zone's 09:00 digests may take to read: a quarter of an hour.</summary>
    public static readonly TimeSpan DigestWindow = TimeSpan.FromMinutes(15);

    private static readonly (string Tier, int PerSecond)[] Tiers = [("Basic", 10), ("Advanced", 20), ("Premium", 30), ("Ultimate", 50)];

    public static int Print(Workload w)
    {
        var kept = new TikTokQuotaOptions().KeptForPeople;
        var (digests, scans, readAhead, summaries) = w.CallsPerAdvertiserPerDay;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Calls per advertiser per day ({w.WorkspacesPerAdvertiser:0.#} workspaces per advertiser, {w.SummariesPerWorkspacePerDay:0.#} summaries per workspace per day):"));
        Console.WriteLine(string.Create(c, $"  digests {digests:0.#} + alert scans {scans:0.#} + history read-ahead {readAhead:0.#} + summaries {summaries:0.#} = {w.CallsPerAdvertiser:0.#}"));
        Console.WriteLine();
        Console.WriteLine("| Tier | Calls a second | Paced at (arrival slack) | Calls a day | Advertisers by the day's calls | By the busiest digest quarter hour | Advertisers served | Workspaces |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (tier, limit) in Tiers)
        {
            // The budget spaces calls (1 s + TikTok:Quota:ArrivalSlack) / limit apart: that is the rate the app really uses.
            var quota = TikTokQuotaOptions.ForRate(limit);
            quota.PerMinute = limit * 60;
            var perSecond = 1 / new QuotaRules(quota).Spacing.TotalSeconds;
            var day = (long)(perSecond * 86_400);
            // Background (digests, scans, read-ahead) may use 90 % of the day; with the summaries, the whole of it.
            var background = digests + scans + readAhead;
            var byDay = (int)Math.Floor(Math.Min(day * (1 - kept) / background, day / (background + summaries)));
            // One zone's digests in the window, beside the steady scans, at the background rate.
            var backgroundPerSecond = perSecond * (1 - kept);
            var perAdvertiserInWindow = digests / w.Zones + scans / 86_400.0 * DigestWindow.TotalSeconds + summaries / 86_400.0 * DigestWindow.TotalSeconds;
            var byPeak = (int)Math.Floor(backgroundPerSecond * DigestWindow.TotalSeconds / perAdvertiserInWindow);
            var served = Math.Min(byDay, byPeak);
            Console.WriteLine(string.Create(c, $"| {tier} | {limit} | {perSecond:0.##} | {day:N0} | {byDay:N0} | {byPeak:N0} | {served:N0} | {served * w.WorkspacesPerAdvertiser:N0} |"));
        }

        var task = new TikTokQuotaOptions().Tasks;
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"Large accounts (reports over TikTok:AsyncReports:MaxSyncRows) on every tier: {task.PerDay:N0} task calls a day, about 5 a report (create, 3 checks, download): {task.PerDay / 5:N0} large reports a day, {task.PerMinute / 5} a minute."));
        return 0;
    }
}
