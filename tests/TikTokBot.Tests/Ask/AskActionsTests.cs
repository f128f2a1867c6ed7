using TikTokBot.Ask;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Ask;

/// <summary>Ask's buttons carry the reports' own values (r1|…, c1|…); the action id names the intent.</summary>
public sealed class AskActionsTests
{
    [Fact]
    public void A_report_intent_carries_the_report_value_and_a_chart_intent_the_chart_value()
    {
        var period = new Period(PeriodKind.LastDays, 30);

        Assert.Equal("r1|1800000000000042|30d|Age", AskActions.Value(AskIntent.Breakdown, "1800000000000042", period, BreakdownDimension.Age, null, byDay: false));
        Assert.Equal("r1|1800000000000042|30d|", AskActions.Value(AskIntent.Fix, "1800000000000042", period, BreakdownDimension.Age, null, byDay: false));
        Assert.Equal("c1|1800000000000042|30d|Ctr", AskActions.Value(AskIntent.Why, "1800000000000042", period, null, MetricId.Ctr, byDay: false));
        Assert.Null(AskActions.Value(AskIntent.OffTrack, null, period, null, null, byDay: false));
    }

    [Theory]
    [InlineData("ask.breakdown.2", "r1|1800000000000042|30d|Age", "Breakdown", "1800000000000042", "30d", "Age", "-")]
    [InlineData("ask.why.0", "c1|1800000000000042|7d|Ctr", "Why", "1800000000000042", "7d", "-", "Ctr")]
    [InlineData("ask.offtrack.1", "", "OffTrack", "-", "7d", "-", "-")]
    public void A_button_reads_back_as_its_intent_and_slots(string actionId, string value, string intent, string campaign, string period, string by, string metric)
    {
        Assert.True(AskActions.TryRead(actionId, value, out var button));
        Assert.Equal((intent, campaign, period, by, metric),
            (button.Intent.ToString(), button.CampaignId ?? "-", button.Period.ToString(), button.By?.ToString() ?? "-", button.Metric?.ToString() ?? "-"));
    }

    [Theory]
    [InlineData("ask.summary.0", "alias pwned campaign-42")]
    [InlineData("ask.0.1", "")]
    [InlineData("ask.nonsense.1", "")]
    [InlineData("report.fix", "r1|1|7d|")]
    public void A_value_or_id_no_codec_wrote_is_refused(string actionId, string value) =>
        Assert.False(AskActions.TryRead(actionId, value, out _));
}
