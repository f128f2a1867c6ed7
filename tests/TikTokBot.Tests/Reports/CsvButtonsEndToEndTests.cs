using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// An Ads Manager export without campaign ids, so each campaign's id is its name, and the names hold a <c>|</c>, <c>fix</c>,
/// <c>by</c> and a period word: the report's buttons still reach the right campaign and ask for the right thing.
/// </summary>
public sealed class CsvButtonsEndToEndTests : IClassFixture<CsvButtonsEndToEndTests.CsvAppFactory>, IAsyncLifetime
{
    private const string Tricky = "Sale | fix by age yesterday";
    private const string Decoy = "Sale";

    private static readonly DateTimeOffset Noon = new(FixedClockAppFactory.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private readonly CsvAppFactory _factory;
    private ResponseUrlHook _hook = null!;

    public CsvButtonsEndToEndTests(CsvAppFactory factory) => _factory = factory;

    public async Task InitializeAsync() => _hook = await ResponseUrlHook.StartAsync();

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    [Fact]
    public async Task What_should_i_fix_on_a_campaign_named_with_a_bar_and_command_words_answers_for_that_campaign()
    {
        var answer = await Press("report.fix", ButtonCodec.Encode(new ReportRequest(Tricky, Period.Default)));

        Assert.Contains($"What to fix: {Tricky}", answer);
    }

    [Fact]
    public async Task A_row_the_export_could_not_read_is_named_in_the_replys_footer()
    {
        var answer = await Press("report.share", ButtonCodec.Encode(new ReportRequest(Decoy, Period.Default)));
        // A summary with more charts than one message holds comes in two parts; the footer closes the last.
        if (!answer.Contains("CSV row", StringComparison.Ordinal))
        {
            answer += await _hook.NextAsync();
        }

        Assert.Contains(":warning: 1 CSV row could not be read and is left out: export.csv line 30:", answer);
    }

    [Fact]
    public async Task The_breakdown_menu_on_that_campaign_answers_with_its_breakdown_not_a_summary()
    {
        var answer = await Press("report.breakdown", ButtonCodec.Encode(new ReportRequest(Tricky, new Period(PeriodKind.LastDays, 14), TikTok.Sources.BreakdownDimension.AdGroup)), menu: true);

        Assert.Contains($"{Tricky} by ad group", answer);
        Assert.DoesNotContain($"\"{Decoy} by", answer);
    }

    private async Task<string> Press(string actionId, string value, bool menu = false)
    {
        using var request = SlackTestRequests.Signed("/slack/interactions", SlackTestRequests.Press("T-CSV", "U-CSV", actionId, value, _hook.Url, menu), at: Noon);
        using var client = _factory.CreateKestrelClient();

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _hook.NextAsync();
    }

    public sealed class CsvAppFactory : KestrelAppFactory
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("tiktokbot-csv-app-").FullName;

        protected override IEnumerable<(string Key, string Value)> ExtraSettings()
        {
            var path = Path.Combine(_folder, "export.csv");
            var today = FixedClockAppFactory.Today;
            var lines = new List<string> { "By Day,Campaign name,Ad group name,Cost,Impressions,Clicks (destination),Conversions" };
            for (var day = 1; day <= 14; day++)
            {
                var date = today.AddDays(-day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                lines.Add($"{date},\"{Tricky}\",Broad,120,20000,180,6");
                lines.Add($"{date},{Decoy},Narrow,50,9000,40,1");
            }

            lines.Add($"not a date,{Decoy},Narrow,50,9000,40,1");
            File.WriteAllLines(path, lines);
            return [("TikTok:Source", "Csv"), ("TikTok:CsvPath", path)];
        }

        protected override void ReplaceServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(Noon)));

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
