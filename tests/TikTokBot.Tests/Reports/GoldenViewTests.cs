using System.Text.Json;
using System.Text.Json.Nodes;
using TikTokBot.Domain;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Reports.ReportService;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// The report views as Slack receives them, for demo data pinned to 2026-11-22, compared with checked-in JSON.
/// Run with TIKTOKBOT_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenViewTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DemoMetricSource Source = new(new PinnedClock(Today));
    private static readonly CampaignEngine Engine = new(new DiagnosisOptions());

    private static async Task<(CampaignInfo Campaign, CampaignOverview Overview)> Load(string id)
    {
        var campaign = (await Source.ListCampaignsAsync(CancellationToken.None)).Single(c => c.Id == id);
        var days = new BusinessDays(Today);
        var criteria = new Domain.Objectives.SuccessCriteria(40m, 50);
        var facts = await new CampaignFactsLoader(Source).LoadAsync(campaign, days.LastClosedDays(7), criteria, CancellationToken.None);
        // As the app reads it: the standings once, the learning day of the reply's day in every line.
        var read = Engine.Read(facts, null, Today);
        var overview = new CampaignOverview(campaign, Period.Default, days, facts, read.Summary, read.Diagnosis, read.Learning, null, criteria)
        {
            Key = new OverviewKey("demo", id, facts.Period),
            // Read at 09:00 on the pinned day: the last 7 days end yesterday, whose conversions may still grow.
            ReadAt = ReadAt,
        };
        return (campaign, overview);
    }

    [Fact]
    public async Task The_summary_of_campaign_42_matches_its_golden_json()
    {
        var (_, overview) = await Load("1800000000000042");

        Match("summary-campaign-42.json", ReportViews.Summary(overview).Select(BlockKitJson.Serialize));
    }

    [Fact]
    public async Task The_summary_is_compact_and_the_full_funnel_one_button_away_with_the_same_report_value()
    {
        var (_, overview) = await Load("1800000000000042");

        var summary = ReportViews.Summary(overview).Select(BlockKitJson.Serialize).Single();
        var full = string.Concat(ReportViews.FullFunnel(overview).Select(BlockKitJson.Serialize));

        // Lead metrics of a website-conversions campaign (cost per conversion, ROAS, CVR, conversions) and what stands worse
        // (frequency past the fatigue point, CTR under TikTok's 0.84%); the rest only in the full funnel.
        Assert.Contains("*Cost per conversion*", summary, StringComparison.Ordinal);
        Assert.Contains("*Frequency*", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("*Impressions*", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"chart\"", summary, StringComparison.Ordinal);
        Assert.Contains("*Impressions*", full, StringComparison.Ordinal);
        Assert.Contains("*First fix* (Creative fatigue)", summary, StringComparison.Ordinal);
        var value = ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default));
        var buttons = JsonNode.Parse(summary)!["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray());
        Assert.Equal(value, (string?)buttons.Single(e => (string?)e!["action_id"] == ButtonIds.Full)!["value"]);
        Assert.Equal(value, (string?)buttons.Single(e => (string?)e!["action_id"] == ButtonIds.Fix)!["value"]);
    }

    [Fact]
    public async Task The_full_funnel_of_campaign_42_matches_its_golden_json()
    {
        var (_, overview) = await Load("1800000000000042");

        Match("full-funnel-campaign-42.json", ReportViews.FullFunnel(overview).Select(BlockKitJson.Serialize));
    }

    [Fact]
    public async Task The_breakdown_of_campaign_42_by_ad_group_matches_its_golden_json()
    {
        var (campaign, overview) = await Load("1800000000000042");
        var rows = await Source.GetBreakdownAsync(campaign.Id, BreakdownDimension.AdGroup, overview.Range, CancellationToken.None);

        Match("breakdown-campaign-42.json", ReportViews.Breakdown(new CampaignBreakdown(campaign, BreakdownDimension.AdGroup, overview.Range, rows) { ReadAt = ReadAt }).Select(BlockKitJson.Serialize));
    }

    [Fact]
    public async Task The_fixes_of_campaign_42_match_their_golden_json()
    {
        var (_, overview) = await Load("1800000000000042");

        Match("fixes-campaign-42.json", ReportViews.Fixes(overview).Select(BlockKitJson.Serialize));
    }

    [Fact]
    public async Task The_settings_modals_match_their_golden_json()
    {
        var (campaign, _) = await Load("1800000000000046");

        Match("modal-criteria.json", [BlockKitJson.Serialize(SettingsModals.CriteriaModal(campaign, null))]);
        Match("modal-credit.json", [BlockKitJson.Serialize(SettingsModals.CreditModal(campaign))]);
    }

    internal static void Match(string name, IEnumerable<string> messages)
    {
        var actual = new JsonArray(messages.Select(m => JsonNode.Parse(m)).ToArray()).ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("TIKTOKBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), "Golden", name), actual + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"{name} is missing; run the tests once with TIKTOKBOT_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).TrimEnd(), actual.TrimEnd());
    }

    private static string SourceFolder()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "TikTokBot.Tests.csproj")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return folder;
    }

    private sealed class PinnedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
