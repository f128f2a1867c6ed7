using System.Net;
using System.Text.Json;
using TikTokBot.Testing;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Ask;

/// <summary>
/// A question whose report is too large to page through: the app reads it as a TikTok report task, and the agent
/// thread's status says so while the person waits. The fake TikTok's pages hold 20 rows, so with
/// <c>TikTok:AsyncReports:MaxSyncRows</c> at 1 every report of more than one page goes as a task.
/// </summary>
public sealed class AskLargeReportTests : IClassFixture<AskLargeReportTests.LargeReportFactory>
{
    private readonly LargeReportFactory _factory;

    public AskLargeReportTests(LargeReportFactory factory) => _factory = factory;

    public sealed class LargeReportFactory : FakeSlackAppFactory
    {
        private readonly FakeTikTokApi _tiktok = FakeTikTokApi.StartAsync(new DateOnly(2026, 11, 22)).GetAwaiter().GetResult();

        public FakeTikTokApi TikTok => _tiktok;

        protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
        [
            ("TikTok:Source", "Api"),
            ("TikTok:AccessToken", FakeTikTokApi.Token),
            ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId),
            ("TikTok:ApiBaseUrl", _tiktok.BaseUrl.ToString()),
            ("TikTok:AsyncReports:MaxSyncRows", "1"),
        ];

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                _tiktok.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    [Fact]
    public async Task While_a_large_report_is_read_as_a_task_the_thread_status_says_so()
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "event_callback",
            ["team_id"] = "T-ASK-LARGE",
            ["api_app_id"] = "A1",
            ["event_id"] = "Ev-large-1",
            ["event_time"] = 1,
            ["event"] = new { type = "message", channel = "D-LARGE", user = "U-ASKER", text = "How is campaign-42 doing?", ts = "1700000001.000100", channel_type = "im", event_ts = "1700000001.000100" },
        });
        using var request = SlackTestRequests.Signed("/slack/events", body, "application/json");
        using var client = _factory.CreateKestrelClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var calls = await _factory.WaitForCallsAsync(all => all.Any(c => c.Method == "assistant.threads.setStatus" && c.Body.Contains("large report", StringComparison.Ordinal)));

        var status = calls.Where(c => c.Method == "assistant.threads.setStatus").Select(c => JsonDocument.Parse(c.Body).RootElement)
            .First(j => j.GetProperty("status").GetString()!.Contains("large report", StringComparison.Ordinal));
        Assert.Equal(("D-LARGE", "is reading a large report from TikTok…"), (status.GetProperty("channel_id").GetString(), status.GetProperty("status").GetString()));
        Assert.StartsWith("Reading a large report from TikTok: ", status.GetProperty("loading_messages")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(_factory.TikTok.TaskCalls, r => r.Path == "report/task/create/");
    }
}
