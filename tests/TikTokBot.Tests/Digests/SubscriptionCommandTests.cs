using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Commands;
using TikTokBot.Digests;
using TikTokBot.Storage;
using TikTokBot.Requests;

namespace TikTokBot.Tests.Digests;

public sealed class SubscriptionCommandTests : IAsyncLifetime
{
    private ScriptedSlack _slack = null!;
    private DigestAppFactory _app = null!;

    // Stands still: the app answers every command inline (its budget for an inline answer never runs out) and no digest falls due.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _slack = await ScriptedSlack.StartAsync();
        _app = new DigestAppFactory(_slack, _clock, new Dictionary<string, string>());
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Theory]
    [InlineData("subscribe", new string[0], null, null)]
    [InlineData("subscribe campaign-42", new[] { "campaign-42" }, null, null)]
    [InlineData("subscribe campaign-42 campaign-46 at 08:30", new[] { "campaign-42", "campaign-46" }, "08:30", null)]
    [InlineData("subscribe campaign-42,campaign-46 at 7:05 europe/berlin", new[] { "campaign-42", "campaign-46" }, "07:05", "Europe/Berlin")]
    [InlineData("subscribe at 17:00 America/New_York", new string[0], "17:00", "America/New_York")]
    [InlineData("subscribe \"Autumn Sale EU\" UTC", new[] { "Autumn Sale EU" }, null, "UTC")]
    public void Subscribe_takes_campaigns_a_time_and_a_time_zone_in_any_order(string text, string[] campaigns, string? at, string? zone)
    {
        var subscribe = Assert.IsType<MetricsCommand.Subscribe>(CommandParser.Parse(text));

        Assert.Equal(campaigns, subscribe.Campaigns);
        Assert.Equal(at, subscribe.At?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(zone, subscribe.TimeZone);
    }

    [Theory]
    [InlineData("subscribe campaign-42 at", "`at` needs a time of day such as 09:00 or 17:30.")]
    [InlineData("subscribe at 25:00", "`at` needs a time of day such as 09:00 or 17:30, not `25:00`.")]
    [InlineData("subscribe at 9am", "`at` needs a time of day such as 09:00 or 17:30, not `9am`.")]
    [InlineData("subscribe Europe/Berln", "`Europe/Berln` is not a time zone I know; use a name such as Europe/Berlin, America/New_York or UTC.")]
    [InlineData("unsubscribe campaign-42", "`unsubscribe` stops this channel's digest and takes nothing after it.")]
    public void A_subscription_that_cannot_be_read_says_what_to_type(string text, string problem)
    {
        var invalid = Assert.IsType<MetricsCommand.Invalid>(CommandParser.Parse(text));

        Assert.Equal(problem, invalid.Problem);
        Assert.StartsWith("/ttmetrics ", invalid.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_subscribes_sees_its_schedule_previews_the_digest_and_unsubscribes_over_signed_requests()
    {
        var subscribed = await SendAsync("subscribe campaign-42 campaign-46 at 08:30 Europe/Berlin");
        Assert.StartsWith("<#C0CHAN> gets the daily digest at 08:30 Europe/Berlin for *", subscribed, StringComparison.Ordinal);
        Assert.Contains("The first one comes ", subscribed, StringComparison.Ordinal);

        var subscription = (await _app.Store.Subscriptions.FindByChannelAsync("C0CHAN", default))!;
        Assert.Equal(["1800000000000042", "1800000000000046"], subscription.CampaignIds);
        var next = (await _app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default))!.Value;
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((8, 30), (local.Hour, local.Minute));
        Assert.InRange(next - _clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromHours(24));

        var listed = await SendAsync("subscriptions");
        Assert.Contains($"• <#C0CHAN> at 08:30 Europe/Berlin, ", listed, StringComparison.Ordinal);
        Assert.Contains("none sent yet", listed, StringComparison.Ordinal);

        var preview = await SendAsync("digest now campaign-42");
        Assert.StartsWith("TikTok daily digest for ", preview, StringComparison.Ordinal);

        Assert.Equal("<#C0CHAN> no longer gets the daily digest. `/ttmetrics subscribe` starts it again.", await SendAsync("unsubscribe"));
        Assert.Null(await _app.Scheduler.NextFiringAsync(DigestAppFactory.Team, subscription.Id, default));
        Assert.Equal("This channel has no daily digest. `/ttmetrics subscriptions` lists the channels that do.", await SendAsync("unsubscribe"));
        Assert.Empty(await _app.Store.Subscriptions.ListAsync(default));
    }

    [Fact]
    public async Task Subscribing_with_no_campaign_follows_all_of_them_at_the_default_time()
    {
        var subscribed = await SendAsync("subscribe");

        Assert.Equal("<#C0CHAN> gets the daily digest at 09:00 UTC for every campaign.", subscribed[..subscribed.IndexOf(" The first", StringComparison.Ordinal)]);
        Assert.True((await _app.Store.Subscriptions.FindByChannelAsync("C0CHAN", default))!.AllCampaigns);
    }

    [Theory]
    [InlineData("D0DIRECT", "Digests go to a channel: run `/ttmetrics subscribe` in the channel that should get them (invite me there first).")]
    public async Task A_direct_message_cannot_subscribe(string channel, string reply) => Assert.Equal(reply, await SendAsync("subscribe", channel));

    [Fact]
    public async Task Someone_who_is_not_an_admin_may_read_the_subscriptions_but_not_change_them()
    {
        await SendAsync("subscribe");

        var refused = await SendAsync("unsubscribe", user: "U0MEMBER");
        Assert.DoesNotContain("no longer gets", refused, StringComparison.Ordinal);
        Assert.Contains("admin", refused, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<#C0CHAN> at 09:00 UTC, every campaign", await SendAsync("subscriptions", user: "U0MEMBER"), StringComparison.Ordinal);
        Assert.Single(await _app.Store.Subscriptions.ListAsync(default));
    }

    [Fact]
    public async Task An_unknown_campaign_subscribes_nothing_and_names_the_closest()
    {
        var reply = await SendAsync("subscribe campaign-99x");

        Assert.StartsWith("No campaign called `campaign-99x`.", reply, StringComparison.Ordinal);
        Assert.Empty(await _app.Store.Subscriptions.ListAsync(default));
    }

    private async Task<string> SendAsync(string text, string channel = "C0CHAN", string user = "U0ADMIN")
    {
        using var client = _app.CreateKestrelClient();
        var body = $"token=x&team_id={DigestAppFactory.Team}&team_domain=acme&channel_id={channel}&user_id={user}&command=%2Fttmetrics" +
                   $"&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnowhere&trigger_id=1.2.3";
        using var response = await client.SendAsync(SlackTestRequests.Signed("/slack/commands", body, at: _clock.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }
}
