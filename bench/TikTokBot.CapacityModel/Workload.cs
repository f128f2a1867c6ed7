namespace TikTokBot.CapacityModel;

/// <summary>
/// The day the model serves, and what each piece of it costs in TikTok calls, as the model's instances make them
/// (each report is one page: TikTok's pages hold 1,000 rows, and an advertiser of 10 campaigns fills one).
/// </summary>
internal sealed record Workload(int Advertisers, int Workspaces, int Zones, double SummariesPerWorkspacePerDay, int PerSecond)
{
    /// <summary>A digest: the campaign list and one advertiser-wide daily report (the second workspace of an advertiser on the same instance shares the report).</summary>
    public const int CallsPerDigest = 2;

    /// <summary>An alert scan of an advertiser: today's hourly report and a three-day daily report.</summary>
    public const int CallsPerScan = 2;

    /// <summary>Scans a day: hourly.</summary>
    public const int ScansPerDay = 24;

    /// <summary>The history read ahead once a day: 90 days of daily rows, three 30-day windows.</summary>
    public const int CallsPerReadAhead = 3;

    /// <summary>A summary read cold: the week's daily report and its reach (the 5-minute report cache makes many cheaper; the model counts none).</summary>
    public const int CallsPerSummary = 2;

    public static Workload From(Arguments a) => new(
        a.Whole("advertisers", 5_000), a.Whole("workspaces", 10_000), a.Whole("zones", 24), a.Number("summaries-per-workspace-per-day", 5),
        a.Whole("per-second", 10));

    public double WorkspacesPerAdvertiser => (double)Workspaces / Advertisers;

    /// <summary>Calls per advertiser per day, by kind.</summary>
    public (double Digests, double Scans, double ReadAhead, double Summaries) CallsPerAdvertiserPerDay => (
        WorkspacesPerAdvertiser * CallsPerDigest,
        ScansPerDay * CallsPerScan,
        CallsPerReadAhead,
        WorkspacesPerAdvertiser * SummariesPerWorkspacePerDay * CallsPerSummary);

    public double CallsPerAdvertiser
    {
        get
        {
            var (d, s, r, m) = CallsPerAdvertiserPerDay;
            return d + s + r + m;
        }
    }
}
