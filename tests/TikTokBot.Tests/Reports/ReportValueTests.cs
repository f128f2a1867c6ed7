using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Reports;

public sealed class ReportValueTests
{
    public static TheoryData<string> AwkwardIds =>
    [
        "1800000000000042",
        "Spring | Sale",
        "Spring fix",
        "Retargeting by age",
        "Black Friday 7d",
        "yesterday",
        "fix",
        "a||b|",
        "100% off %7C",
        "r1|not-a-value",
        "Autumn Sale, EU 2026-11-01..2026-11-20",
    ];

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public void A_campaign_id_comes_back_unchanged_whatever_it_holds(string id)
    {
        var periods = new[]
        {
            Period.Default, new Period(PeriodKind.Yesterday), new Period(PeriodKind.Today), new Period(PeriodKind.LastDays, 30),
            new Period(PeriodKind.Lifetime), new Period(PeriodKind.Range, Range: new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))),
        };
        foreach (var period in periods)
        {
            foreach (var by in new BreakdownDimension?[] { null, BreakdownDimension.AdGroup, BreakdownDimension.Device })
            {
                var request = new ReportRequest(id, period, by);

                Assert.True(ReportValue.TryDecode(ReportValue.Encode(request), out var decoded));
                Assert.Equal(request, decoded);
            }
        }
    }

    [Theory]
    [InlineData("1800000000000042|7d", "1800000000000042", "7d", null)]
    [InlineData("1800000000000044|14d|adgroup", "1800000000000044", "14d", BreakdownDimension.AdGroup)]
    public void A_button_from_before_the_version_is_still_read(string value, string id, string period, BreakdownDimension? by)
    {
        Assert.True(ReportValue.TryDecode(value, out var decoded));
        Assert.Equal((id, period, by), (decoded.CampaignId, decoded.Period.ToString(), decoded.By));
    }

    [Theory]
    [InlineData("")]
    [InlineData("r1|42|7d")]
    [InlineData("r1||7d|")]
    [InlineData("r1|42|weekly|")]
    [InlineData("r1|42|7d|Weather")]
    [InlineData("r1|42|7d|3")]
    [InlineData("r2|42|7d|")]
    [InlineData("42|banana")]
    public void A_value_no_version_wrote_is_refused(string value)
    {
        Assert.False(ReportValue.TryDecode(value, out _));
    }
}
