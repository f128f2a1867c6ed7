using System.Text.Json;
using TikTokBot.Alerts;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Alerts;

public sealed class AlertViewTests
{
    private static readonly DateTimeOffset Claimed = new(2026, 10, 24, 20, 0, 0, TimeSpan.Zero);

    private static SentAlert Held(string campaignId, string ruleId, DateOnly day, string summary) =>
        new(new SentAlertKey("C0ALERTS", campaignId, ruleId, day), "7000000000000001", summary, SentAlertState.Held, null, Claimed, null);

    [Fact]
    public void The_quiet_hours_summary_gives_each_campaign_its_alerts_and_its_fix_button_for_the_alerts_day()
    {
        var held = new[]
        {
            Held("1800000000000042", "FrequencyAlert", new(2026, 10, 24), "Frequency 5.52 over the last 8 days."),
            Held("1800000000000048", "NoDelivery", new(2026, 10, 25), "Enabled, but no impressions in the last 2 hours of data."),
            Held("1800000000000042", "CtrDrop", new(2026, 10, 25), "CTR today 0.3% against 0.9%."),
        };
        var names = new Dictionary<string, string> { ["1800000000000042"] = "campaign-42 Autumn Sale", ["1800000000000048"] = "campaign-48 <Retargeting>" };

        var message = AlertViews.Released(held, names, "C0ALERTS", "Read 08:00 Europe/Berlin; the latest hours may still grow.");

        using var json = JsonDocument.Parse(BlockKitJson.Serialize(message));
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(["section", "section", "section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        // The freshness line shares the closing context block: held alerts of many campaigns use every block Slack allows.
        Assert.EndsWith("lists the rules, quiet hours and the last alerts. Read 08:00 Europe/Berlin; the latest hours may still grow.",
            blocks[3].GetProperty("elements")[0].GetProperty("text").GetString());
        Assert.Contains("While this channel was quiet, 3 alert(s)", blocks[0].GetProperty("text").GetProperty("text").GetString());

        // campaign-42's two alerts in one section; its button asks the fixes for the later of their days.
        var first = blocks[1];
        Assert.Equal("*campaign-42 Autumn Sale*\n• Frequency alert: Frequency 5.52 over the last 8 days.\n• CTR dropped: CTR today 0.3% against 0.9%.",
            first.GetProperty("text").GetProperty("text").GetString());
        var button = first.GetProperty("accessory");
        Assert.Equal((ButtonIds.Fix, "What should I fix?", "r1|1800000000000042|2026-10-25..2026-10-25|"),
            (button.GetProperty("action_id").GetString(), button.GetProperty("text").GetProperty("text").GetString(), button.GetProperty("value").GetString()));
        Assert.True(ButtonCodec.TryDecode<ReportRequest>(button.GetProperty("value").GetString(), out var request));
        Assert.Equal(("1800000000000042", new DateOnly(2026, 10, 25)), (request.CampaignId, request.Period.Range!.Value.Start));

        Assert.StartsWith("*campaign-48 &lt;Retargeting&gt;*\n• No delivery:", blocks[2].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("r1|1800000000000048|2026-10-25..2026-10-25|", blocks[2].GetProperty("accessory").GetProperty("value").GetString());
    }

    [Fact]
    public void Held_alerts_of_more_campaigns_than_a_message_has_blocks_for_keep_buttons_for_47_and_list_the_rest()
    {
        var day = new DateOnly(2026, 10, 25);
        var held = Enumerable.Range(0, 60).Select(i => Held($"19{i:D14}", "FrequencyWarning", day, $"Frequency {3 + i / 100m}.")).ToArray();

        var message = AlertViews.Released(held, new Dictionary<string, string>(), "C0ALERTS", "Read 08:00 UTC; the latest hours may still grow.");

        var json = BlockKitJson.Serialize(message);
        BlockKitLimits.Check(json, SlackLimits.BlocksPerMessage, "held alerts of 60 campaigns");
        using var document = JsonDocument.Parse(json);
        var blocks = document.RootElement.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(50, blocks.Length);
        Assert.Equal(47, blocks.Count(b => b.TryGetProperty("accessory", out _)));
        var rest = blocks[^2].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Equal(13, rest.Split('\n').Count(line => line.StartsWith("*19", StringComparison.Ordinal)));
        Assert.Contains("*1900000000000059*", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("*1900000000000046*", rest, StringComparison.Ordinal);
    }
}
