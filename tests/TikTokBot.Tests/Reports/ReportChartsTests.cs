using Microsoft.Extensions.Configuration;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;

namespace TikTokBot.Tests.Reports;

public sealed class ReportChartsTests
{
    [Fact]
    public void Appsettings_holds_the_documented_far_from_average_default()
    {
        var shipped = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false).Build();

        Assert.Equal(0.3, new ReportOptions().FarFromAverage);
        Assert.Equal(new ReportOptions().FarFromAverage, shipped.GetSection(ReportOptions.SectionName).Get<ReportOptions>()!.FarFromAverage);
    }

    [Theory]
    [InlineData(40.0, 30.0, BetterDirection.Lower, "▼")]   // 33% dearer than average
    [InlineData(38.0, 30.0, BetterDirection.Lower, "")]    // 27% dearer: within 30%
    [InlineData(20.0, 30.0, BetterDirection.Lower, "▲")]   // 33% cheaper
    [InlineData(2.0, 1.0, BetterDirection.Higher, "▲")]    // a ROAS twice the average is better
    [InlineData(2.0, 1.0, BetterDirection.Neutral, "")]
    [InlineData(2.0, 0.0, BetterDirection.Lower, "")]
    public void A_row_far_from_the_average_is_marked(double value, double average, BetterDirection better, string mark) =>
        Assert.Equal(mark, ReportCharts.Mark((decimal)value, (decimal)average, 0.3, better));
}
