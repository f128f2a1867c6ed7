using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Digests;
using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.Testing;
using static TikTokBot.Digests.DigestSender;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// Two advertisers of one workspace, in Tokyo and in Los Angeles, at 05:00 UTC on 1 December: 14:00 on 1 December in
/// Tokyo, 21:00 on 30 November in Los Angeles. Each campaign's days are its advertiser's, in replies, TikTok's requests
/// and the digest; a name matching campaigns of both advertisers names each one's advertiser.
/// </summary>
public sealed class AdvertiserTimeZoneTests : IAsyncLifetime
{
    private const string Team = "T0ZONES";
    private static readonly FakeAdvertiser Tokyo = new("7400000000000000001", "Tokyo Store", "JPY", "Asia/Tokyo", CampaignIds: ["1800000000000042"]);
    private static readonly FakeAdvertiser LosAngeles = new("7400000000000000002", "LA Store", "USD", "America/Los_Angeles", CampaignIds: ["1800000000000044"]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;
    private AccountsAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));
        _tiktok.Accounts.Add(Tokyo, LosAngeles);
        _app = new AccountsAppFactory(_tiktok, _clock);
        _app.CreateKestrelClient().Dispose();
        await _app.ConnectAsync(Team, Tokyo, LosAngeles);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    private IEnumerable<string> EndDatesAskedFor(FakeAdvertiser advertiser) =>
        _tiktok.Reports.Where(r => r.Query.GetValueOrDefault("advertiser_id") == advertiser.AdvertiserId && r.Query.ContainsKey("end_date"))
            .Select(r => r.Query["end_date"]).Distinct();

    [Fact]
    public async Task Tokyo_and_los_angeles_disagree_on_yesterday_at_the_same_instant_each_correctly()
    {
        var tokyo = await _app.AskAsync(Team, "campaign-42 yesterday");
        var losAngeles = await _app.AskAsync(Team, "campaign-44 yesterday");

        Assert.Contains("Tokyo Store · campaign-42 Autumn Sale, 2026-11-30: spend ¥", tokyo, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 (Asia/Tokyo days)", tokyo, StringComparison.Ordinal);
        Assert.Contains("LA Store · campaign-44 Webinar Leads, 2026-11-29: spend $", losAngeles, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 (America/Los_Angeles days)", losAngeles, StringComparison.Ordinal);
        // TikTok was asked up to each advertiser's own yesterday, never the other's.
        Assert.Equal("2026-11-30", EndDatesAskedFor(Tokyo).Max());
        Assert.Equal("2026-11-29", EndDatesAskedFor(LosAngeles).Max());
    }

    [Fact]
    public async Task The_last_seven_days_and_list_are_each_advertisers_own_closed_days()
    {
        var list = await _app.AskAsync(Team, "list", messages: 2);

        Assert.Contains("each advertiser's last 7 closed days in its own time zone", list, StringComparison.Ordinal);
        Assert.Contains("*Tokyo Store* · advertiser 7400000000000000001 · JPY · 2026-11-24..2026-11-30, Asia/Tokyo days", list, StringComparison.Ordinal);
        Assert.Contains("*LA Store* · advertiser 7400000000000000002 · USD · 2026-11-23..2026-11-29, America/Los_Angeles days", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_of_a_channel_in_berlin_reports_los_angeles_last_closed_day_and_names_its_zone()
    {
        // Subscribed at 05:00 UTC for 08:00 in Berlin: due at 07:00 UTC, 23:00 on 30 November in Los Angeles.
        using var scope = _app.Services.CreateScope();
        var digests = scope.ServiceProvider.GetRequiredService<DigestService>();
        var subscribed = await digests.SubscribeAsync(new Asker(Team, AccountsAppFactory.Admin, "C0BERLIN"), "C0BERLIN", ["1800000000000044"],
            new TimeOnly(8, 0), "Europe/Berlin", CancellationToken.None);
        Assert.Null(subscribed.Refusal);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 0, 30, TimeSpan.Zero));

        var sent = await scope.ServiceProvider.GetRequiredService<DigestSender>()
            .SendAsync(new DigestDue(Team, subscribed.Subscription!.Id, null, _clock.GetUtcNow()), CancellationToken.None);

        // The scheduler may have fired the same occurrence first: either way the channel got it once.
        Assert.Contains(sent.Outcome, new[] { DigestOutcome.Delivered, DigestOutcome.AlreadyDelivered, DigestOutcome.ClaimedElsewhere });
        if (sent.Outcome == DigestOutcome.ClaimedElsewhere)
        {
            // The scheduler's sender holds the day: its delivery is marked only after its post.
            var store = _app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team);
            await _app.Jobs.UntilAsync(async () =>
                (await store.Deliveries.FindAsync(subscribed.Subscription.Id, sent.LocalDate!.Value, default))?.State == DeliveryState.Delivered,
                "the scheduler's digest delivered");
        }

        var posted = PostedTo("C0BERLIN");
        Assert.Contains("Daily digest · 2026-11-29", posted, StringComparison.Ordinal);
        Assert.Contains("_2026-11-29 in America/Los_Angeles time_", posted, StringComparison.Ordinal);
        Assert.Contains("LA Store · campaign-44 Webinar Leads", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("Daily digest · 2026-11-30", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_matching_campaigns_of_both_advertisers_lists_each_with_its_advertiser_and_the_id_tells_them_apart()
    {
        var ambiguous = await _app.AskAsync(Team, "campaign-4");
        var byId = await _app.AskAsync(Team, "1800000000000044");

        Assert.Contains("matches several campaigns:", ambiguous, StringComparison.Ordinal);
        Assert.Contains("`LA Store · campaign-44 Webinar Leads` (advertiser LA Store, id `1800000000000044`)", ambiguous, StringComparison.Ordinal);
        Assert.Contains("`Tokyo Store · campaign-42 Autumn Sale` (advertiser Tokyo Store, id `1800000000000042`)", ambiguous, StringComparison.Ordinal);
        Assert.Contains("Type more of the name, or the campaign id.", ambiguous, StringComparison.Ordinal);
        Assert.Contains("LA Store · campaign-44 Webinar Leads, 2026-11-23..2026-11-29: spend $", byId, StringComparison.Ordinal);
    }

    /// <summary>The one digest posted to the channel, as a person reads it.</summary>
    private string PostedTo(string channel)
    {
        var post = Assert.Single(_app.Delivered, d => d.Method == "chat.postMessage" && d.Body.Contains($"\"channel\":\"{channel}\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(post.Body);
        return string.Join('\n', AccountsAppFactory.Strings(json.RootElement));
    }
}
