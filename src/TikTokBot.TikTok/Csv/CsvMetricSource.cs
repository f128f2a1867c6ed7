using Microsoft.Extensions.Logging;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Csv;

/// <summary>
/// Metrics from TikTok Ads Manager exports: one file, or every .csv file in a folder. Files are read again when
/// they change. A daily export cannot tell the reach of a longer range, so reach is "no data" except for a
/// single day that the export itself reports.
/// </summary>
public sealed class CsvMetricSource(string path, ILogger<CsvMetricSource>? logger = null) : IMetricSource
{
    /// <summary>What an export's campaigns give as their advertiser: an export names none.</summary>
    public const string AdvertiserId = "csv";

    private readonly Lock _gate = new();
    private (string Stamp, Loaded Data)? _loaded;

    /// <summary>Rows that could not be read on the last load, to show the person who supplied the files.</summary>
    public IReadOnlyList<CsvProblem> Problems => Load().Problems;

    public Task<IReadOnlyList<CampaignInfo>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignInfo>>(Load().Campaigns);

    public Task<IReadOnlyList<DailyTotals>> GetDailyAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        return Task.FromResult<IReadOnlyList<DailyTotals>>(DailyRollup.ByDay(RowsOf(scope).Select(r => new DailyTotals(r.Date, r.Counts)), range));
    }

    public Task<long?> GetReachAsync(Scope scope, DateRange range, CancellationToken cancellationToken)
    {
        var rows = range.Days == 1 ? RowsOf(scope).Where(r => r.Date == range.Start).ToArray() : [];
        return Task.FromResult(rows.Length == 1 ? rows[0].Reach : null);
    }

    public Task<IReadOnlyList<BreakdownRow>> GetBreakdownAsync(string campaignId, BreakdownDimension by, DateRange range, CancellationToken cancellationToken)
    {
        var level = by switch
        {
            BreakdownDimension.AdGroup => ScopeLevel.AdGroup,
            BreakdownDimension.Ad => ScopeLevel.Ad,
            _ => (ScopeLevel?)null,
        };
        if (level is null)
        {
            // Audience breakdowns are separate exports in Ads Manager; a daily campaign export does not carry them.
            return Task.FromResult<IReadOnlyList<BreakdownRow>>([]);
        }

        IReadOnlyList<BreakdownRow> rows = Load().Rows
            .Where(r => r.CampaignId == campaignId && range.Contains(r.Date) && LevelOf(r) == level)
            .GroupBy(r => level == ScopeLevel.AdGroup ? r.AdGroupId! : r.AdId!)
            .Select(g => new BreakdownRow(g.Key, (level == ScopeLevel.AdGroup ? g.First().AdGroupName : g.First().AdName) ?? g.Key,
                new ScopeTotals(RawTotals.Sum(g.Select(r => r.Counts)))))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return Task.FromResult(rows);
    }

    /// <summary>
    /// The rows that make up a scope without counting anything twice: a campaign's own rows when the export has
    /// them, otherwise its ad groups' rows, otherwise its ads' rows.
    /// </summary>
    private IEnumerable<CsvRow> RowsOf(Scope scope)
    {
        var rows = Load().Rows;
        return scope.Level switch
        {
            ScopeLevel.Ad => rows.Where(r => r.AdId == scope.Id),
            ScopeLevel.AdGroup => Finest(rows.Where(r => r.AdGroupId == scope.Id), ScopeLevel.AdGroup),
            _ => Finest(rows.Where(r => r.CampaignId == scope.Id), ScopeLevel.Campaign),
        };
    }

    private static IEnumerable<CsvRow> Finest(IEnumerable<CsvRow> rows, ScopeLevel level)
    {
        var list = rows.ToList();
        foreach (var candidate in new[] { ScopeLevel.Campaign, ScopeLevel.AdGroup, ScopeLevel.Ad }.Where(l => l >= level))
        {
            var atLevel = list.Where(r => LevelOf(r) == candidate).ToList();
            if (atLevel.Count > 0)
            {
                return atLevel;
            }
        }

        return [];
    }

    private static ScopeLevel LevelOf(CsvRow row) =>
        row.AdId is not null ? ScopeLevel.Ad : row.AdGroupId is not null ? ScopeLevel.AdGroup : ScopeLevel.Campaign;

    private Loaded Load()
    {
        var files = Files();
        var stamp = string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
        lock (_gate)
        {
            if (_loaded is { } cached && cached.Stamp == stamp)
            {
                return cached.Data;
            }

            var results = files.Select(AdsManagerCsv.ReadFile).ToArray();
            var rows = results.SelectMany(r => r.Rows).ToArray();
            var campaigns = rows
                .GroupBy(r => r.CampaignId)
                .Select(g =>
                {
                    var objectiveType = g.Select(r => r.Objective).FirstOrDefault(o => o is not null) ?? "";
                    Objective? objective = ObjectiveCatalogue.TryFromTikTok(objectiveType.Replace(' ', '_'), out var known) ? known : null;
                    return new CampaignInfo(g.Key, g.First().CampaignName, AdvertiserId, objectiveType, objective, "ENABLE", null, g.Min(r => r.Date));
                })
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToArray();
            var data = new Loaded(rows, campaigns, results.SelectMany(r => r.Problems).ToArray());
            _loaded = (stamp, data);
            // Logged once per change of the files, not once per question.
            foreach (var problem in data.Problems)
            {
                logger?.LogWarning("CSV row skipped: {File} line {Line}: {Reason}", Path.GetFileName(problem.File), problem.Line, problem.Reason);
            }

            return data;
        }
    }

    private string[] Files()
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray();
            return files.Length > 0 ? files : throw new CsvImportException($"The folder {path} has no .csv file. Put TikTok Ads Manager exports there.");
        }

        throw new CsvImportException($"TikTok:CsvPath points to {path}, which does not exist. Set it to an Ads Manager export or a folder of them.");
    }

    private sealed record Loaded(IReadOnlyList<CsvRow> Rows, IReadOnlyList<CampaignInfo> Campaigns, IReadOnlyList<CsvProblem> Problems);
}
