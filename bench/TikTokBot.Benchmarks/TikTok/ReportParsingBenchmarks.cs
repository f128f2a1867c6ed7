using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Csv;

namespace TikTokBot.Benchmarks.TikTok;

/// <summary>
/// 100,000 report rows (the same data as a TikTok API page series and as an Ads Manager CSV export) parsed and
/// aggregated to daily campaign totals, through the same code the sources use.
/// </summary>
[MemoryDiagnoser]
public class ReportParsingBenchmarks
{
    private const int Rows = 100_000;
    private const int Days = 30;

    private byte[] _json = [];
    private string _csv = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var json = new StringBuilder("{\"code\":0,\"message\":\"OK\",\"request_id\":\"bench\",\"data\":{\"list\":[");
        var csv = new StringBuilder("By Day,Campaign ID,Campaign name,Ad group ID,Cost,Impressions,Clicks (destination),Clicks (all),Conversions,Video views\n");
        var start = new DateOnly(2026, 10, 22);
        for (var i = 0; i < Rows; i++)
        {
            var day = start.AddDays(i % Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var impressions = random.Next(100, 9_000);
            var spend = (impressions * 0.008m).ToString("0.00", CultureInfo.InvariantCulture);
            var clicks = impressions / 90;
            json.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $"{{\"dimensions\":{{\"adgroup_id\":\"{i / Days}\",\"stat_time_day\":\"{day} 00:00:00\"}},")
                .Append(CultureInfo.InvariantCulture, $"\"metrics\":{{\"spend\":\"{spend}\",\"impressions\":\"{impressions}\",\"clicks\":\"{clicks}\",\"engagements\":{clicks * 2},")
                .Append(CultureInfo.InvariantCulture, $"\"conversion\":\"{clicks / 40}\",\"video_play_actions\":{impressions / 2},\"average_video_play\":3.2,\"secondary_goal_result\":null}}}}");
            csv.Append(CultureInfo.InvariantCulture, $"{day},42,Autumn,g{i / Days},{spend},{impressions},{clicks},{clicks * 2},{clicks / 40},{impressions / 2}\n");
        }

        json.Append("],\"page_info\":{\"page\":1,\"page_size\":100000,\"total_page\":1,\"total_number\":100000}}}");
        _json = Encoding.UTF8.GetBytes(json.ToString());
        _csv = csv.ToString();
    }

    [Benchmark(Description = "API JSON: parse 100,000 rows and total them by day")]
    public int ApiRows()
    {
        using var document = JsonDocument.Parse(_json);
        var days = new Dictionary<string, RawTotals.Accumulator>();
        foreach (var item in document.RootElement.GetProperty("data").GetProperty("list").EnumerateArray())
        {
            var row = TikTokApiClient.ReadRow(item);
            var key = row.Dimension("stat_time_day");
            days.TryGetValue(key, out var sum);
            sum.Add(ApiMetricSource.Counts(row));
            days[key] = sum;
        }

        return days.Count;
    }

    [Benchmark(Description = "CSV export: parse 100,000 rows and total them by day")]
    public int CsvRows()
    {
        var result = AdsManagerCsv.Read(new StringReader(_csv), "bench.csv");
        var rows = result.Rows.Select(r => new DailyTotals(r.Date, r.Counts)).ToArray();
        return DailyRollup.ByDay(rows).Length;
    }
}
