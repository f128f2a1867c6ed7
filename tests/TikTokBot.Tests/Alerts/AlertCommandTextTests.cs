using TikTokBot.Alerts;
using TikTokBot.Commands;
using TikTokBot.Domain.Alerts;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Alerts;

public sealed class AlertCommandTextTests
{
    [Fact]
    public void Alerts_on_reads_campaigns_quiet_hours_and_a_time_zone_in_any_order()
    {
        var command = Assert.IsType<MetricsCommand.Alerts>(CommandParser.Parse("alerts on europe/berlin campaign-42 quiet 20:00-8:00 campaign-46"));
        var on = Assert.IsType<AlertRequest.On>(command.Request);
        Assert.Equal(["campaign-42", "campaign-46"], on.Campaigns);
        Assert.Equal((new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"), (on.QuietFrom, on.QuietTo, on.TimeZone));
    }

    [Theory]
    [InlineData("alerts", typeof(AlertRequest.List))]
    [InlineData("alerts off", typeof(AlertRequest.Off))]
    [InlineData("alerts check now", typeof(AlertRequest.CheckNow))]
    [InlineData("ALERTS Check", typeof(AlertRequest.CheckNow))]
    public void The_other_verbs_parse(string text, Type expected) =>
        Assert.IsType(expected, Assert.IsType<MetricsCommand.Alerts>(CommandParser.Parse(text)).Request);

    [Theory]
    [InlineData("alerts on quiet 20:00", "`quiet` needs hours")]
    [InlineData("alerts on quiet 08:00-08:00", "`quiet` needs hours")]
    [InlineData("alerts on Mars/Olympus", "not a time zone")]
    [InlineData("alerts loud", "not an alerts command")]
    public void Mistakes_say_what_to_type(string text, string problem) =>
        Assert.Contains(problem, Assert.IsType<MetricsCommand.Invalid>(CommandParser.Parse(text)).Problem, StringComparison.Ordinal);

    [Fact]
    public void A_button_value_round_trips_and_tampered_values_are_refused()
    {
        var target = new AlertTarget("18|00 42", AlertRule.CtrDrop);
        Assert.True(ButtonCodec.TryDecode<AlertTarget>(ButtonCodec.Encode(target), out var back));
        Assert.Equal(target, back);
        Assert.False(ButtonCodec.TryDecode<AlertTarget>("al1|1800000000000042|3", out _));
        Assert.False(ButtonCodec.TryDecode<AlertTarget>("al1|1800000000000042|Everything", out _));
        Assert.False(ButtonCodec.TryDecode<AlertTarget>("al2|1800000000000042|CtrDrop", out _));
        Assert.False(ButtonCodec.TryDecode<AlertTarget>("al1||CtrDrop", out _));
    }

    [Theory]
    [InlineData("01:00:00", "0 * * * *")]
    [InlineData("00:15:00", "*/15 * * * *")]
    [InlineData("06:00:00", "0 */6 * * *")]
    public void The_scan_interval_becomes_a_cron(string every, string cron) => Assert.Equal(cron, AlertScheduler.Cron(TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:07:00")]
    [InlineData("05:00:00")]
    [InlineData("00:00:30")]
    public void An_interval_no_cron_can_keep_is_refused(string every) =>
        Assert.Throws<InvalidOperationException>(() => AlertScheduler.Cron(TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture)));
}
