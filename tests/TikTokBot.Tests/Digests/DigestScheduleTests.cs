using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Digests;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Digests;

/// <summary>The daily schedule, driven by a fake clock: Hangfire fires each subscription once per local day, in its own time zone.</summary>
public sealed class DigestScheduleTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Theory]
    // Spring forward (29 March 2026, 02:00 -> 03:00): 02:30 does not exist that day and the digest comes at 03:00.
    [InlineData("2026-03-27T12:00:00Z", "02:30", "2026-03-28 02:30 +01:00", "2026-03-29 03:00 +02:00", "2026-03-30 02:30 +02:00", "2026-03-31 02:30 +02:00")]
    [InlineData("2026-03-27T12:00:00Z", "09:00", "2026-03-28 09:00 +01:00", "2026-03-29 09:00 +02:00", "2026-03-30 09:00 +02:00", "2026-03-31 09:00 +02:00")]
    // Fall back (25 October 2026, 03:00 -> 02:00): 02:30 happens twice and the digest comes once, at the first.
    [InlineData("2026-10-23T12:00:00Z", "02:30", "2026-10-24 02:30 +02:00", "2026-10-25 02:30 +02:00", "2026-10-26 02:30 +01:00", "2026-10-27 02:30 +01:00")]
    [InlineData("2026-10-23T12:00:00Z", "09:00", "2026-10-24 09:00 +02:00", "2026-10-25 09:00 +01:00", "2026-10-26 09:00 +01:00", "2026-10-27 09:00 +01:00")]
    public async Task A_daily_digest_in_Berlin_comes_once_each_local_day_across_a_clock_change(string start, string at, params string[] expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
        await using var app = new DigestAppFactory(_slack, clock, new Dictionary<string, string>());
        await app.StartAsync();
        var subscription = await app.SubscribeAsync("C0BERLIN", TimeOnly.Parse(at, CultureInfo.InvariantCulture), "Europe/Berlin", "1800000000000042");

        // The last expected firing is only read, not reached: it shows what Hangfire plans after the clock change.
        var fired = new List<string>();
        for (var day = 0; day < expected.Length; day++)
        {
            var next = (await app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default))!.Value;
            fired.Add(TimeZoneInfo.ConvertTime(next, Berlin).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            if (day == expected.Length - 1)
            {
                break;
            }

            // Hangfire's recurring scheduler sees the clock reach the firing and runs the job; the clock moves on only
            // once the day is recorded as delivered and Hangfire has nothing left to run, as real time would wait.
            clock.SetUtcNow(next);
            await app.WaitUntilDeliveredAsync(subscription.Id, DigestCalendar.LocalDate(next, Berlin));
            await app.WaitUntilIdleAsync();
        }

        Assert.Equal(expected, fired);
        var sent = expected.Length - 1;
        var dates = (await app.Store.Deliveries.ListAsync(subscription.Id, default)).Select(d => (d.LocalDate, d.State, d.Attempts)).Reverse().ToList();
        var firstDay = DateOnly.Parse(expected[0][..10], CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(0, sent).Select(i => (firstDay.AddDays(i), DeliveryState.Delivered, 1)), dates);
        Assert.Equal(sent, _slack.To("C0BERLIN").Count);
        Assert.All(_slack.Posted, m => Assert.DoesNotContain("Late:", m.Blocks, StringComparison.Ordinal));
        Assert.All(_slack.Posted, m => Assert.Contains("*campaign-42 Autumn Sale*", m.Blocks, StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(0, sent).Select(i => $"TikTok daily digest for {firstDay.AddDays(i - 1):yyyy-MM-dd}"),
            _slack.Posted.Select(m => m.Text));
    }

    [Theory]
    // The day's digest is due at the firing Hangfire computes with Cronos; a firing by hand or a late one means the latest of them.
    [InlineData("09:00", "2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z")] // 09:00 in Berlin's winter is 08:00 UTC
    [InlineData("09:00", "2026-11-23T07:59:59Z", "2026-11-22T08:00:00Z")]
    [InlineData("09:00", "2026-11-25T17:00:00Z", "2026-11-25T08:00:00Z")]
    [InlineData("02:30", "2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z")] // spring forward: 03:00 +02:00
    [InlineData("02:30", "2026-03-29T00:59:00Z", "2026-03-28T01:30:00Z")]
    [InlineData("02:30", "2026-10-25T01:45:00Z", "2026-10-25T00:30:00Z")] // fall back, inside the repeated hour: the first 02:30
    [InlineData("02:30", "2026-10-26T01:30:00Z", "2026-10-26T01:30:00Z")]
    public void The_latest_due_time_follows_Berlin_through_its_clock_changes(string at, string instant, string due)
    {
        var latest = DigestCalendar.LatestDue(TimeOnly.Parse(at, CultureInfo.InvariantCulture), Berlin, Parse(instant), DateTimeOffset.MinValue);

        Assert.Equal(Parse(due), latest);
    }

    [Fact]
    public void Nothing_is_due_before_the_subscription_began()
    {
        var subscribedAt = Parse("2026-11-23T10:00:00Z");

        Assert.Null(DigestCalendar.LatestDue(new TimeOnly(9, 0), TimeZoneInfo.Utc, Parse("2026-11-23T11:00:00Z"), subscribedAt));
        Assert.Equal(Parse("2026-11-24T09:00:00Z"), DigestCalendar.LatestDue(new TimeOnly(9, 0), TimeZoneInfo.Utc, Parse("2026-11-24T09:00:00Z"), subscribedAt));
    }

    private static DateTimeOffset Parse(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
