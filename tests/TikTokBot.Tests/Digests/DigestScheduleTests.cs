using Microsoft.Extensions.Time.Testing;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Digests;

/// <summary>The daily schedule, driven by a fake clock: Quartz fires each subscription once per local day, in its own time zone.</summary>
public sealed class DigestScheduleTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Theory]
    // Spring forward (29 March 2026, 02:00 -> 03:00): 02:30 does not exist that day and the digest comes at 03:00.
    [InlineData("2026-03-27T12:00:00Z", "02:30", "2026-03-28 02:30 +01:00", "2026-03-29 03:00 +02:00", "2026-03-30 02:30 +02:00")]
    [InlineData("2026-03-27T12:00:00Z", "09:00", "2026-03-28 09:00 +01:00", "2026-03-29 09:00 +02:00", "2026-03-30 09:00 +02:00")]
    // Fall back (25 October 2026, 03:00 -> 02:00): 02:30 happens twice and the digest comes once, at the first.
    [InlineData("2026-10-23T12:00:00Z", "02:30", "2026-10-24 02:30 +02:00", "2026-10-25 02:30 +02:00", "2026-10-26 02:30 +01:00")]
    [InlineData("2026-10-23T12:00:00Z", "09:00", "2026-10-24 09:00 +02:00", "2026-10-25 09:00 +01:00", "2026-10-26 09:00 +01:00")]
    public async Task A_daily_digest_in_Berlin_comes_once_each_local_day_across_a_clock_change(string start, string at, params string[] expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0BERLIN", TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), "Europe/Berlin", "1800000000000042");

        var fired = new List<string>();
        for (var day = 0; day < expected.Length; day++)
        {
            var next = (await app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default))!.Value;
            fired.Add(TimeZoneInfo.ConvertTime(next, Berlin).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
            clock.SetUtcNow(next);
            await _slack.WaitForAsync(day + 1);

            // The clock moves on only once the day is recorded as delivered, as real time would wait for it.
            var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, Berlin).DateTime);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await app.Store.Deliveries.FindAsync(subscription.Id, localDate, default))?.State != DeliveryState.Delivered && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        // Two more hours after the last firing cover the repeated hour of a fall-back night: nothing more is sent.
        clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(300);

        Assert.Equal(expected, fired);
        var dates = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Select(d => (d.LocalDate, d.State)).Reverse().ToList();
        var firstDay = DateOnly.Parse(expected[0][..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(0, expected.Length).Select(i => (firstDay.AddDays(i), DeliveryState.Delivered)), dates);
        Assert.Equal(expected.Length, _slack.To("C0BERLIN").Count);
        Assert.All(_slack.Posted, m => Assert.DoesNotContain("Late:", m.Blocks, StringComparison.Ordinal));
        Assert.All(_slack.Posted, m => Assert.Contains("*campaign-42 Autumn Sale*", m.Blocks, StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(0, expected.Length).Select(i => $"TikTok daily digest for {firstDay.AddDays(i - 1):yyyy-MM-dd}"),
            _slack.Posted.Select(m => m.Text));
    }
}
