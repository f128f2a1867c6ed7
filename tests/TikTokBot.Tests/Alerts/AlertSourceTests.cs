using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TikTokBot.Alerts;
using TikTokBot.Domain.Alerts;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.Tests.Digests;
using TikTokBot.TikTok.Demo;
using TikTokBot.Testing.External;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Alerts;

/// <summary>Alert scans against the fake TikTok API (one series of each kind per advertiser, a page failing, the hourly no-delivery rule), the pause button, and two instances on PostgreSQL.</summary>
public sealed class AlertSourceTests : IAsyncLifetime
{
    private const string Team = DigestAppFactory.Team;
    private const string Channel = "C0ALERTS";
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ThrowawayPostgresDatabase _database = new("alerts");
    private readonly List<DigestAppFactory> _apps = [];
    private ScriptedSlack _slack = null!;
    private FakeTikTokApi _tiktok = null!;

    public async Task InitializeAsync()
    {
        _slack = await ScriptedSlack.StartAsync();
        _tiktok = await FakeTikTokApi.StartAsync(Today);
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _slack.DisposeAsync();
        await _tiktok.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task A_report_page_failing_mid_scan_raises_nothing_and_the_next_whole_read_alerts_from_one_series_per_advertiser()
    {
        var app = await StartAsync(ApiSettings());
        await SubscribeAsync(app);
        _tiktok.RawAnswer = (path, page) => path == "report/integrated/get/" && page == 2
            ? """{"code":40002,"message":"page unavailable","request_id":"r","data":null}"""
            : null;

        var failed = await ScanAsync(app);

        Assert.False(failed.Complete);
        Assert.Empty(failed.Found);
        Assert.Empty(_slack.Posted);
        Assert.Empty(await app.Store.SentAlerts.ListRecentAsync(Channel, 10, default));

        _tiktok.RawAnswer = null;

        var whole = await ScanAsync(app);

        Assert.True(whole.Complete);
        Assert.Contains(whole.Found, f => f.Alert.Rule == AlertRule.FrequencyAlert && f.Campaign.Id == "1800000000000042");
        Assert.Contains(_slack.Posted, p => p.Text.Contains("Frequency alert: campaign-42 Autumn Sale", StringComparison.Ordinal));
        // Eight campaigns, one advertiser: over both scans, one daily, one reach and one hourly series of today (each asked
        // again after a failure, or reused when read whole), each however many pages it has; and one hourly series of each of
        // the 8 earlier Tuesdays the usual ranges come from and of the days 2 to 6 before today a stop and stopped conversions
        // are judged on (kept after, so never asked again).
        var series = _tiktok.Reports.Select(r => string.Join('&', r.Query.Where(q => q.Key != "page").OrderBy(q => q.Key).Select(q => $"{q.Key}={q.Value}"))).Distinct().ToArray();
        Assert.Equal(3 + 8 + 5, series.Length);
        Assert.Equal(Enumerable.Range(0, 9).Select(k => Today.AddDays(-7 * k)).Concat(Enumerable.Range(2, 5).Select(k => Today.AddDays(-k)))
                .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order(),
            _tiktok.Reports.Where(IsHourly).Select(r => r.Query["start_date"]).Distinct().Order());
        Assert.All(series, s => Assert.Contains($"advertiser_id={DemoDataSet.AdvertiserId}", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spend_without_conversions_offers_to_pause_the_ad_group_spending_most_through_the_actions_proposal()
    {
        // By noon campaign-48 has spent about 36 without converting: a meaningful spend of 20 makes it an alert.
        var app = await StartAsync(new Dictionary<string, string> { ["Alerts:MeaningfulSpendWithoutTarget"] = "20" });
        await SubscribeAsync(app, "1800000000000048");

        var scan = await ScanAsync(app);

        var found = Assert.Single(scan.Found, f => f.Alert.Rule == AlertRule.SpendWithoutConversions);
        Assert.Equal("1800000000000048", found.Campaign.Id);
        var posted = Assert.Single(_slack.Posted, p => p.Text.Contains("Spend without conversions", StringComparison.Ordinal));
        Assert.Contains("\"action_id\":\"action.propose\"", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Pause ad group", posted.Blocks, StringComparison.Ordinal);
        var value = System.Text.RegularExpressions.Regex.Match(posted.Blocks, "\"value\":\"(p1\\|[^\"]+)\"").Groups[1].Value;
        Assert.True(ButtonCodec.TryDecode<ProposalRequest>(value, out var proposal));
        Assert.Equal(("1800000000000048", TikTokBot.Domain.Actions.ActionKind.Pause, TikTokBot.Domain.Actions.ActionLevel.AdGroup),
            (proposal.CampaignId, proposal.Intent.Kind, proposal.Intent.Level));
        var adGroups = await new DemoMetricSource(new NoonClock(Today)).GetBreakdownAsync(
            "1800000000000048", TikTokBot.TikTok.Sources.BreakdownDimension.AdGroup, new(Today, Today), default);
        Assert.Equal(adGroups.Where(g => g.Totals.Counts.Conversions == 0).MaxBy(g => g.Totals.Counts.Spend)!.Key, proposal.Intent.TargetId);
    }

    [Fact]
    public async Task No_delivery_fires_for_enabled_campaigns_without_impressions_in_the_last_two_reported_hours_from_one_hourly_series()
    {
        // 15:20 UTC (the advertiser's zone). TikTok has reported 12:00 to 15:00, the last still running. By hand, the last
        // two full hours are 13:00 and 14:00:
        //   41: 800 and 700                       quiet
        //   42: nothing in either, 40 since 15:00  quiet: the hour in progress shows delivery
        //   43: nothing in either (600 at 12:00)  fires
        //   44: 300 at 14:00                      quiet: impressions in one of the two
        //   45: 250 at 13:00                      quiet: the same, the other hour
        //   46: no row at all today               fires
        //   47: no row, but paused                quiet
        //   48: rows of 0 impressions             fires
        // Five alerts go to one channel: Slack's pacing lets them all out at once rather than waiting on the fake clock.
        var settings = ApiSettings();
        settings["Slack:PostMessageBurst"] = "10";
        var app = await StartAsync(settings, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 20, 0, TimeSpan.Zero)));
        await SubscribeAsync(app);
        _tiktok.SetStatus("1800000000000047", "DISABLE", "CAMPAIGN_STATUS_DISABLE", Today);
        _tiktok.Replay = Hourly(
            ("41", 12, 900), ("41", 13, 800), ("41", 14, 700), ("41", 15, 100),
            ("42", 12, 1200), ("42", 15, 40),
            ("43", 12, 600),
            ("44", 14, 300),
            ("45", 13, 250),
            ("48", 12, 0), ("48", 13, 0), ("48", 14, 0));

        var scan = await ScanAsync(app);

        Assert.True(scan.Complete, scan.Failure);
        Assert.Equal(["1800000000000043", "1800000000000046", "1800000000000048"],
            scan.Found.Where(f => f.Alert.Rule == AlertRule.NoDelivery).Select(f => f.Campaign.Id).Order());
        // One cause on three campaigns of one advertiser: one critical alert naming them, each with its own Snooze and Mute.
        var alert = Assert.Single(_slack.Posted, p => p.Text.Contains("No delivery", StringComparison.Ordinal));
        Assert.Equal($":rotating_light: No delivery on 3 campaigns of {DemoDataSet.AdvertiserId}", alert.Text);
        Assert.Contains("campaign-46 Black Friday Credit Test*: Enabled, but no impressions in the last 2 hours of data.", alert.Blocks, StringComparison.Ordinal);
        Assert.Equal(["alert.snooze.1800000000000043", "alert.snooze.1800000000000046", "alert.snooze.1800000000000048"],
            System.Text.RegularExpressions.Regex.Matches(alert.Blocks, "\"action_id\":\"(alert\\.snooze[^\"]*)\"").Select(m => m.Groups[1].Value).Order());
        Assert.Equal(3, (await app.Store.SentAlerts.ListForDayAsync(Channel, Today, default)).Count(a => a.Key.RuleId == nameof(AlertRule.NoDelivery) && a.MessageTs == alert.Ts));
        // One hourly series for the advertiser's eight campaigns: today, by campaign and hour (the replay's rows are all
        // today's, so the earlier weeks hold no hours: no usual range, the fixed rule judges).
        var hourly = Assert.Single(_tiktok.Reports, r => IsHourly(r) && r.Query["start_date"] == "2026-12-01");
        Assert.Equal(("[\"campaign_id\",\"stat_time_hour\"]", "2026-12-01", "2026-12-01", "AUCTION_CAMPAIGN", "BASIC"),
            (hourly.Query["dimensions"], hourly.Query["start_date"], hourly.Query["end_date"], hourly.Query["data_level"], hourly.Query["report_type"]));
    }

    [Fact]
    public async Task A_campaign_with_four_earlier_tuesdays_is_judged_against_its_own_usual_hour_and_the_alert_says_what_usual_was()
    {
        // Tuesday 1 December, 14:20 UTC (the advertiser's zone). campaign-41 spent $14, $17, $13 and $16 an hour on the last
        // four Tuesdays (nothing read further back), and today $15 an hour until 12:00, then nothing. Its day so far ($180)
        // is inside its usual $182-$238 less the 40% margin; its last hour ($0) is far below the usual $13-$17.
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 20, 0, TimeSpan.Zero)));
        await SubscribeAsync(app, "1800000000000041");
        decimal[] usual = [14m, 17m, 13m, 16m];
        _tiktok.Replay = HourlySpend((day, hour) =>
            day == Today ? (hour <= 14 ? (hour < 12 ? 15m : 0m) : null)
            : (Today.DayNumber - day.DayNumber) / 7 is var weeks and >= 1 and <= 4 ? usual[weeks - 1] : null);

        var scan = await ScanAsync(app);

        Assert.True(scan.Complete, scan.Failure);
        Assert.Equal((1, 1), (scan.CampaignsRead, scan.WithBaseline));
        var found = Assert.Single(scan.Found);
        Assert.Equal((AlertRule.NoDelivery, TikTokBot.Domain.Alerts.Baselines.AlertSeverity.Critical), (found.Alert.Rule, found.Severity));
        var posted = Assert.Single(_slack.Posted);
        Assert.Equal(
            ":rotating_light: No delivery: campaign-41 Evergreen Prospecting: Spend 13:00-14:00 is usually $13.00-$17.00; this time $0.00: delivery has all but stopped.",
            posted.Text);
        Assert.Contains("0 (usual lowest of 4 weeks: 13)", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("Read 14:20 UTC; the latest hours may still grow", posted.Blocks, StringComparison.Ordinal);

        // The earlier Tuesdays (and the days 2 to 6 before) are kept: the next scan asks TikTok for today's hours only.
        var earlier = _tiktok.Reports.Count(r => IsHourly(r) && r.Query["start_date"] != "2026-12-01");
        Assert.Equal(8 + 5, earlier);
        await ScanAsync(app);
        Assert.Equal(earlier, _tiktok.Reports.Count(r => IsHourly(r) && r.Query["start_date"] != "2026-12-01"));
    }

    [Fact]
    public async Task Clicks_that_stop_converting_are_told_critical_at_the_first_scan_after_the_silent_hour()
    {
        // Tuesday 1 December, 14:20 UTC. campaign-41 (web conversions) brought 10 real-time conversions from 500 clicks in
        // every hour of the days it has kept (2% of clicks); today the same until 13:00, then 500 clicks and none: 10
        // expected, and none a chance of 1 in 22,026, under the 1 in 10,000 of Alerts:Baselines:ConversionsStoppedLevel.
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 20, 0, TimeSpan.Zero)));
        await SubscribeAsync(app, "1800000000000041");
        _tiktok.Replay = HourlyRows((day, hour) =>
            day == Today ? (hour <= 14 ? (15m, 500, hour < 13 ? 10 : 0) : null)
            : day < Today.AddDays(-1) ? (15m, 500, 10) : null);

        var scan = await ScanAsync(app);

        Assert.True(scan.Complete, scan.Failure);
        var found = Assert.Single(scan.Found);
        Assert.Equal((AlertRule.SpendWithoutConversions, TikTokBot.Domain.Alerts.Baselines.AlertSeverity.Critical), (found.Alert.Rule, found.Severity));
        var posted = Assert.Single(_slack.Posted);
        Assert.Equal(
            ":rotating_light: Spend without conversions: campaign-41 Evergreen Prospecting: No conversion since 13:00: 500 clicks and $15.00 spent, " +
            "where 2.00% of clicks usually convert (10 expected; none has a chance of 1 in 22,026): tracking or the landing page may have broken.",
            posted.Text);
        Assert.Contains("Conversions since 13:00", posted.Blocks, StringComparison.Ordinal);
        Assert.Contains("expected from the 500 clicks at the usual rate of 13 days", posted.Blocks, StringComparison.Ordinal);
        // The hourly series asks for the clicks and conversions it judges on.
        Assert.All(_tiktok.Reports.Where(IsHourly), r => Assert.Equal("""["impressions","spend","clicks","conversion","real_time_conversion"]""", r.Query["metrics"]));
    }

    [Fact]
    public async Task Conversions_that_stop_on_two_campaigns_of_one_advertiser_at_once_are_one_critical_alert_naming_both()
    {
        // Tuesday 1 December, 14:20 UTC. campaign-41 and campaign-42 (web conversions, one advertiser) each brought 2
        // conversions from 100 clicks an hour on the days they kept (2%); today both none since 11:00. Each alone: 300 clicks,
        // 6 expected, none a chance of 1 in 403, not sure. Together: 600 clicks, 12 expected, none a chance of 1 in 162,755,
        // under 1 in 10,000: one cause, the advertiser's pixel or events.
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 20, 0, TimeSpan.Zero)));
        await SubscribeAsync(app, "1800000000000041", "1800000000000042");
        _tiktok.Replay = HourlyRows((day, hour) =>
            day == Today ? (hour <= 14 ? (15m, 100, hour < 11 ? 2 : 0) : null)
            : day < Today.AddDays(-1) ? (15m, 100, 2) : null, "1800000000000041", "1800000000000042");

        var scan = await ScanAsync(app);

        Assert.True(scan.Complete, scan.Failure);
        var stopped = scan.Found.Where(f => f.Alert.Rule == AlertRule.SpendWithoutConversions).ToArray();
        Assert.Equal(["1800000000000041", "1800000000000042"], stopped.Select(f => f.Campaign.Id).Order());
        Assert.All(stopped, f => Assert.Equal(TikTokBot.Domain.Alerts.Baselines.AlertSeverity.Critical, f.Severity));
        Assert.StartsWith(
            "No conversion on 2 campaigns of this advertiser since 11:00 (campaign-41 Evergreen Prospecting, campaign-42 Autumn Sale): 600 clicks and $90.00 spent, " +
            "where 12 conversions were expected at their usual rates; none on all of them has a chance of 1 in 162,755: the advertiser's pixel or events may have stopped.",
            stopped[0].Alert.Summary);
        var critical = Assert.Single(_slack.Posted, p => p.Text.Contains("Spend without conversions", StringComparison.Ordinal));
        Assert.StartsWith(":rotating_light: Spend without conversions on 2 campaigns of ", critical.Text);
    }

    [Fact]
    public async Task The_read_ahead_keeps_the_days_of_today_and_tomorrow_but_not_yesterday_just_closed()
    {
        // Tuesday 1 December, 00:30 UTC: Monday has just closed. Today's kept days and tomorrow's are read ahead, Monday
        // (tomorrow's day 2 before) only tomorrow, once its last hour is in TikTok's report.
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero)));
        var source = await app.Services.GetRequiredService<TikTokBot.Accounts.IWorkspaceSources>().SourceForAsync(Team, default);

        await app.Services.GetRequiredService<TikTokBot.Reports.CampaignHourHistories>().ReadAheadAsync(source, default);

        var read = _tiktok.Reports.Where(IsHourly).Select(r => DateOnly.ParseExact(r.Query["start_date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToHashSet();
        Assert.DoesNotContain(Today.AddDays(-1), read);
        Assert.Superset(new HashSet<DateOnly> { Today.AddDays(-2), Today.AddDays(-5), Today.AddDays(-6), Today.AddDays(-7), Today.AddDays(-56) }, read);
        Assert.All(read, day => Assert.True(day < Today.AddDays(-1), $"{day} read ahead"));
    }

    /// <summary>TikTok's hourly report of the day asked: campaign-41's spend, clicks and (real-time) conversions in each hour <paramref name="figures"/> gives.</summary>
    /// <summary>TikTok's hourly report of the day asked: the same spend, clicks and conversions for each of <paramref name="campaigns"/> (campaign-41 by default).</summary>
    private static Func<RecordedRequest, string?> HourlyRows(Func<DateOnly, int, (decimal Spend, long Clicks, long Conversions)?> figures, params string[] campaigns) => request =>
    {
        if (!IsHourly(request))
        {
            return null;
        }

        var day = DateOnly.ParseExact(request.Query["start_date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = (campaigns.Length == 0 ? ["1800000000000041"] : campaigns).SelectMany(campaign => Enumerable.Range(0, 24).Select(h => (Hour: h, Figures: figures(day, h))).Where(r => r.Figures is not null).Select(r =>
            $$$"""{"dimensions":{"campaign_id":"{{{campaign}}}","stat_time_hour":"{{{day:yyyy-MM-dd}}} {{{r.Hour:D2}}}:00:00"},"metrics":{"impressions":"50000","spend":"{{{r.Figures!.Value.Spend.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}","clicks":"{{{r.Figures.Value.Clicks}}}","conversion":"{{{r.Figures.Value.Conversions}}}","real_time_conversion":"{{{r.Figures.Value.Conversions}}}"}}""")).ToArray();
        var pageInfo = $$"""{"page":1,"page_size":1000,"total_page":1,"total_number":{{rows.Length}}}""";
        return $$"""{"code":0,"message":"OK","request_id":"r","data":{"list":[{{string.Join(',', rows)}}],"page_info":{{pageInfo}}""" + "}}";
    };

    /// <summary>TikTok's hourly report of the day asked: campaign-41's spend (and 1,000 impressions) in each hour <paramref name="spend"/> gives.</summary>
    private static Func<RecordedRequest, string?> HourlySpend(Func<DateOnly, int, decimal?> spend) => request =>
    {
        if (!IsHourly(request))
        {
            return null;
        }

        var day = DateOnly.ParseExact(request.Query["start_date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(0, 24).Select(h => (Hour: h, Spend: spend(day, h))).Where(r => r.Spend is not null).Select(r =>
            $$$"""{"dimensions":{"campaign_id":"1800000000000041","stat_time_hour":"{{{day:yyyy-MM-dd}}} {{{r.Hour:D2}}}:00:00"},"metrics":{"impressions":"1000","spend":"{{{r.Spend!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"}}""").ToArray();
        var pageInfo = $$"""{"page":1,"page_size":1000,"total_page":1,"total_number":{{rows.Length}}}""";
        return $$"""{"code":0,"message":"OK","request_id":"r","data":{"list":[{{string.Join(',', rows)}}],"page_info":{{pageInfo}}""" + "}}";
    };

    [Fact]
    public async Task No_delivery_stays_quiet_with_fewer_than_two_hours_of_data_today()
    {
        // 01:10: only 00:00 is over. campaign-43 has no row in it, and none in the hour running: one hour is not two.
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 10, 0, TimeSpan.Zero)));
        await SubscribeAsync(app);
        _tiktok.Replay = Hourly(("41", 0, 500), ("41", 1, 20));

        var scan = await ScanAsync(app);

        Assert.True(scan.Complete, scan.Failure);
        Assert.DoesNotContain(scan.Found, f => f.Alert.Rule == AlertRule.NoDelivery);
    }

    [Fact]
    public async Task An_hourly_read_TikTok_refuses_raises_nothing_at_all()
    {
        var app = await StartAsync(ApiSettings(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 20, 0, TimeSpan.Zero)));
        await SubscribeAsync(app);
        _tiktok.Replay = r => IsHourly(r)
            ? """{"code":40002,"message":"stat_time_hour is not available","request_id":"r","data":null}"""
            : null;

        var scan = await ScanAsync(app);

        // The daily figures alone would raise campaign-42's frequency alert: nothing goes out on a partial read.
        Assert.False(scan.Complete);
        Assert.Empty(scan.Found);
        Assert.Empty(_slack.Posted);
        Assert.Empty(await app.Store.SentAlerts.ListRecentAsync(Channel, 10, default));
    }

    private static bool IsHourly(RecordedRequest request) => request.Query.GetValueOrDefault("dimensions")?.Contains("stat_time_hour", StringComparison.Ordinal) == true;

    /// <summary>TikTok's answer to the hourly report, by hand: (campaign number, hour of today, impressions) rows; other reports as the fake serves them.</summary>
    private static Func<RecordedRequest, string?> Hourly(params (string Campaign, int Hour, long Impressions)[] rows) => request =>
    {
        if (!IsHourly(request))
        {
            return null;
        }

        var list = string.Join(',', rows.Select(r =>
            $$$"""{"dimensions":{"campaign_id":"18000000000000{{{r.Campaign}}}","stat_time_hour":"2026-12-01 {{{r.Hour:D2}}}:00:00"},"metrics":{"impressions":"{{{r.Impressions}}}"}}"""));
        var pageInfo = $$"""{"page":1,"page_size":1000,"total_page":1,"total_number":{{rows.Length}}}""";
        return $$"""{"code":0,"message":"OK","request_id":"r","data":{"list":[{{list}}],"page_info":{{pageInfo}}""" + "}}";
    };

    [NeedsFact(External.PostgreSql)]
    public async Task Two_instances_on_one_PostgreSQL_scanning_at_once_post_each_alert_once()
    {
        var connection = _database.ConnectionString().ConnectionString;
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Scheduler:Store"] = "Postgres",
        };
        var clock = new FakeTimeProvider(Noon);
        var first = await StartAsync(settings, clock);
        var second = await StartAsync(settings, clock);
        for (var i = 0; i < 10; i++)
        {
            await first.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails($"C0ALERT{i:D2}", [], null, null, "UTC"), DigestAppFactory.Subscriber, default);
        }

        // Three scans on each instance, all at once.
        var scans = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => ScanAsync(i % 2 == 0 ? first : second))));

        // Three found per channel: a critical (posted alone), a warning (posted alone, the scan's only one), an info (kept
        // for the digest, never posted).
        Assert.All(scans, s => Assert.Equal(3, s.Found.Count));
        Assert.Equal(20, scans.Sum(s => s.Posted));
        Assert.Equal(10, scans.Sum(s => s.Noted));
        Assert.Equal(20, _slack.Posted.Count);
        Assert.All(_slack.Posted.GroupBy(p => p.Channel), channel => Assert.Equal(2, channel.Count()));
        Assert.Equal(2, _slack.Posted.Select(p => p.Text).Distinct().Count());
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Two_instances_claiming_a_channels_alerts_at_the_same_instant_never_pass_the_daily_cap()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString().ConnectionString,
            ["Scheduler:Store"] = "Postgres",
        };
        var clock = new FakeTimeProvider(Noon);
        var instances = new[] { await StartAsync(settings, clock), await StartAsync(settings, clock) };
        var day = new DateOnly(2026, 12, 1);

        // Five rounds of forty different alerts for one channel's day, claimed all at once from both instances under the
        // cap of 10: counting and claiming apart, two claims could each see nine ahead and both take the tenth place.
        for (var round = 0; round < 5; round++)
        {
            var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => instances[i % 2].Store.SentAlerts.TryClaimAsync(
                new SentAlertKey($"C0CAP{round}", $"cmp-{i}", nameof(AlertRule.FrequencyAlert), day), "adv-1", $"alert {i}", hold: false, dailyCap: 10, default))));

            Assert.Equal((10, 30), (claims.Count(c => c == SentAlertState.Claimed), claims.Count(c => c == SentAlertState.Capped)));
            var stored = await instances[0].Store.SentAlerts.ListForDayAsync($"C0CAP{round}", day, default);
            Assert.Equal(10, stored.Count(a => a.State == SentAlertState.Claimed));
        }
    }

    private Dictionary<string, string> ApiSettings() => new()
    {
        ["TikTok:Source"] = "Api",
        ["TikTok:AccessToken"] = FakeTikTokApi.Token,
        ["TikTok:AdvertiserIds"] = DemoDataSet.AdvertiserId,
        ["TikTok:ApiBaseUrl"] = _tiktok.BaseUrl.ToString(),
        // The scans' own TikTok requests are counted: no account history read ahead beside them.
        ["Reports:ReadHistoryAhead"] = "false",
    };

    private async Task<DigestAppFactory> StartAsync(Dictionary<string, string> settings, FakeTimeProvider? clock = null)
    {
        var app = new DigestAppFactory(_slack, clock ?? new FakeTimeProvider(Noon), settings);
        _apps.Add(app);
        await app.StartAsync();
        return app;
    }

    private static Task SubscribeAsync(DigestAppFactory app, params string[] campaigns) =>
        app.Store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(Channel, campaigns, null, null, "UTC"), DigestAppFactory.Subscriber, default);

    private static async Task<AlertScanResult> ScanAsync(DigestAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(Team, evenUnsubscribed: false, default);
    }
}
