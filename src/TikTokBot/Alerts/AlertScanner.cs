using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Money;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Alerts;

/// <summary>
/// The scan of one workspace: reads today's figures of the campaigns its channels watch (one report series per advertiser,
/// shared by all its campaigns), checks the rules, and tells each channel once per campaign, rule and advertiser-local day:
/// the claim in <c>sent_alerts</c> decides, whichever scan or instance gets there first. Holds alerts in quiet hours and
/// lists them when they end, caps a channel's day, and answers "recovered" in the thread when a condition is gone.
/// </summary>
internal sealed class AlertScanner(
    ReportService reports, SettingsService settings, IWorkspaceStorage storage, ISlackWebApiFactory slack, IOptions<AlertOptions> options,
    AlertScanMonitor monitor, TimeProvider time, ILogger<AlertScanner> logger, IOptions<BaselineOptions> baselines, CampaignHourHistories hours)
{
    private AlertOptions Options => options.Value;

    private BaselineOptions Baselines => baselines.Value;

    /// <param name="evenUnsubscribed">Check every campaign even when no channel has alerts on (<c>alerts check now</c>).</param>
    public async Task<AlertScanResult> ScanAsync(string teamId, bool evenUnsubscribed, CancellationToken ct)
    {
        var result = await ScanOnceAsync(teamId, evenUnsubscribed, ct);
        monitor.Record(result);
        return result;
    }

    private async Task<AlertScanResult> ScanOnceAsync(string teamId, bool evenUnsubscribed, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        var subscriptions = await store.AlertSubscriptions.ListAsync(ct);
        if (subscriptions.Count == 0 && !evenUnsubscribed)
        {
            return AlertScanResult.Nothing(teamId);
        }

        var now = time.GetUtcNow();
        IReadOnlyList<ScannedCampaign> read;
        try
        {
            read = await ReadAsync(store, subscriptions, now, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Never alert (or call anything recovered) on part of the figures: the whole scan stands down.
            logger.LogWarning(e, "Alert scan of team {TeamId} could not read the figures ({Failure}); nothing raised", teamId, e.GetType().Name);
            return new AlertScanResult(teamId, false, 0, [], 0, 0, 0, 0, 0, e.Message);
        }

        var silences = await store.AlertSubscriptions.ListSilencesAsync(ct);
        var found = new List<FoundAlert>();
        void Found(ScannedCampaign c, JudgedAlert judged)
        {
            var alert = judged.Alert;
            var silenced = silences.Any(s => s.CampaignId == alert.CampaignId && s.RuleId == alert.RuleId);
            found.Add(new FoundAlert(alert, c.Campaign, c.LocalDate, silenced, Severity: judged.Severity, ReadAt: now, TimeZone: c.TimeZone));
        }

        foreach (var c in read)
        {
            foreach (var judged in AlertJudge.Judge(c.Input, c.History, Options, Baselines, Currency.Of(c.Campaign.Currency)))
            {
                Found(c, judged);
            }
        }

        // Conversions that stopped on several campaigns of one advertiser at once (its pixel or events): told on each
        // campaign not already told, and posted as one alert naming them (one cause: TellChannelAsync).
        foreach (var advertiser in read.GroupBy(c => c.Campaign.AdvertiserId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var byId = advertiser.ToDictionary(c => c.Campaign.Id, StringComparer.Ordinal);
            foreach (var judged in AlertJudge.JudgeTogether(advertiser.Select(c => (c.Input, c.History)).ToList(), Baselines, Currency.Of(advertiser.First().Campaign.Currency))
                .Where(j => !found.Any(f => f.Campaign.Id == j.Alert.CampaignId && f.Alert.Rule == j.Alert.Rule)))
            {
                Found(byId[judged.Alert.CampaignId], judged);
            }
        }

        var campaigns = read.Select(c => (c.Campaign, c.LocalDate)).ToArray();
        var tally = new Tally();
        foreach (var subscription in subscriptions)
        {
            await TellChannelAsync(store, subscription, campaigns, found, now, tally, ct);
        }

        var withBaseline = read.Count(c => c.History is { } h && BaselineCheck.HasBaseline(h, c.Input.LocalNow, Baselines));
        logger.LogInformation(
            "Alert scan of team {TeamId}: {Campaigns} campaigns read ({WithBaseline} against their own usual range), {Found} alerts found, {Posted} posted, {Held} held, {Capped} capped, {Released} released, {Recovered} recovered, {Noted} kept for the digest",
            teamId, read.Count, withBaseline, found.Count, tally.Posted, tally.Held, tally.Capped, tally.Released, tally.Recovered, tally.Noted);
        return new AlertScanResult(teamId, true, read.Count, found, tally.Posted, tally.Held, tally.Capped, tally.Released, tally.Recovered, null, tally.Noted, withBaseline);
    }

    /// <summary>One campaign as a scan read it: the rules' input and its hours for the usual range (null: no hourly figures).</summary>
    private sealed record ScannedCampaign(CampaignInfo Campaign, DateOnly LocalDate, string TimeZone, CampaignToday Input, HourlyHistory? History);

    /// <summary>
    /// Today's inputs of every watched campaign. Every campaign asks the same advertiser-wide ranges, so the source sends
    /// one daily, one reach and one hourly series per advertiser however many campaigns it has; the earlier weeks' hours come
    /// from storage (<see cref="CampaignHourHistories"/>). Any failure fails the whole read (the hourly one too: an hour not
    /// read is never an hour without delivery).
    /// </summary>
    private async Task<IReadOnlyList<ScannedCampaign>> ReadAsync(
        IWorkspaceStore store, IReadOnlyList<AlertSubscription> subscriptions, DateTimeOffset now, CancellationToken ct)
    {
        var workspace = await reports.SourceAsync(store.TeamId, ct);
        var source = workspace.Source;
        var all = subscriptions.Count == 0 || subscriptions.Any(s => s.Details.CampaignIds.Count == 0);
        var wanted = subscriptions.SelectMany(s => s.Details.CampaignIds).ToHashSet(StringComparer.Ordinal);
        var campaigns = (await source.ListCampaignsAsync(ct)).Where(c => all || wanted.Contains(c.Id)).ToArray();
        var saved = await settings.CampaignSettingsAsync(store.TeamId, ct);
        var zones = (await store.TikTokConnections.ListAsync(ct)).ToDictionary(c => c.AdvertiserId, c => c.TimeZone, StringComparer.Ordinal);

        // TikTok reports an advertiser's days in its own time zone; without a connection (demo, static token) it is UTC.
        string ZoneId(CampaignInfo campaign) => zones.TryGetValue(campaign.AdvertiserId, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : "UTC";
        DateTime LocalNow(CampaignInfo campaign) => TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(ZoneId(campaign))).DateTime;
        IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateTime, RawTotals>>>? earlier = null;
        try
        {
            earlier = await hours.EarlierWeeksAsync(workspace, campaigns.Select(c => (c, DateOnly.FromDateTime(LocalNow(c)))).ToArray(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Without the earlier weeks every campaign meets the fixed floor this scan: less precise, never silent.
            logger.LogWarning(e, "Alert scan of team {TeamId} could not read the campaigns' earlier weeks ({Failure}); the fixed thresholds judge", store.TeamId, e.GetType().Name);
        }

        return await Task.WhenAll(campaigns.Select(async campaign =>
        {
            var localNow = LocalNow(campaign);
            var today = DateOnly.FromDateTime(localNow);
            var range = AlertInputs.Range(today, Options);
            var scope = Scope.Campaign(campaign.Id);
            var daily = source.GetDailyAsync(scope, range, ct);
            var reach = source.GetReachAsync(scope, range, ct);
            var hourly = source.GetHourlyAsync(scope, today, ct);
            var credit = await CreditLeftAsync(source, campaign, saved.CreditFor(campaign.Id), today, ct);
            var input = AlertInputs.From(campaign, await daily, await reach, localNow, saved.CriteriaFor(campaign.Id)?.TargetCostPerOutcome, credit, Options,
                await hourly);
            var history = earlier is not null && await hourly is { } todayHours
                ? new HourlyHistory(earlier.GetValueOrDefault(campaign.Id, []).Concat(todayHours.Select(h => new KeyValuePair<DateTime, RawTotals>(h.Hour, h.Counts))))
                : null;
            return new ScannedCampaign(campaign, today, ZoneId(campaign), WithLearning(input, campaign, await daily, range), history);
        }));
    }

    /// <summary>
    /// The learning phase from launch, for a campaign whose whole life lies inside the scan's range (launched in the last
    /// <see cref="AlertOptions.AverageDays"/> days): its conversions since launch are then already read, with no extra series.
    /// </summary>
    private static CampaignToday WithLearning(CampaignToday input, CampaignInfo campaign, IReadOnlyList<DailyTotals> daily, DateRange range) =>
        campaign.CreatedOn >= range.Start
            ? input with { LearningSince = campaign.CreatedOn, ConversionsSinceLearning = daily.Where(d => d.Date >= campaign.CreatedOn).Sum(d => d.Counts.Conversions) }
            : input;

    /// <summary>Credit left of a window running today: the amount less the gross spend since it started.</summary>
    private static async Task<CreditLeft?> CreditLeftAsync(IMetricSource source, CampaignInfo campaign, AdCreditWindow? window, DateOnly today, CancellationToken ct)
    {
        if (window is null || window.StartsOn > today || window.ExpiresOn < today)
        {
            return null;
        }

        var spent = (await source.GetDailyAsync(Scope.Campaign(campaign.Id), new DateRange(window.StartsOn, today), ct)).Sum(d => d.Counts.Spend);
        return new CreditLeft(window.Amount - Math.Min(spent, window.Amount), window.ExpiresOn);
    }

    /// <summary>
    /// Tells one channel this scan's alerts by severity: info is kept for the channel's daily digest; critical posts at once
    /// (even in quiet hours when the channel asked for it); warnings go out together in one message. Alerts of several
    /// campaigns of one advertiser for one rule are one alert naming them. Every alert is still claimed on its own, so each
    /// is told once a day, counts under the cap, and recovers on its own.
    /// </summary>
    private async Task TellChannelAsync(
        IWorkspaceStore store, AlertSubscription subscription, IReadOnlyList<(CampaignInfo Campaign, DateOnly LocalDate)> campaigns,
        IReadOnlyList<FoundAlert> found, DateTimeOffset now, Tally tally, CancellationToken ct)
    {
        var channel = subscription.ChannelId;
        var watches = (string campaignId) => subscription.Details.CampaignIds.Count == 0 || subscription.Details.CampaignIds.Contains(campaignId);
        var quiet = AlertQuietHours.IsQuiet(subscription.Details, now);
        var sent = store.SentAlerts;
        var capped = new List<FoundAlert>();
        var toPost = new List<(FoundAlert Alert, SentAlertKey Key)>();
        var api = new Lazy<Task<ISlackWebApi>>(() => slack.ForTeamAsync(null, store.TeamId, ct).AsTask());

        foreach (var alert in found.Where(f => !f.Silenced && watches(f.Campaign.Id)))
        {
            var key = new SentAlertKey(channel, alert.Campaign.Id, alert.Alert.RuleId, alert.LocalDate);
            if (alert.Severity == AlertSeverity.Info)
            {
                // Kept with its rule's title: the digest shows the note as it is.
                tally.Noted += await sent.NoteForDigestAsync(key, alert.Campaign.Name, $"{AlertRuleNames.Describe(alert.Alert.Rule)}: {alert.Alert.Summary}", ct) ? 1 : 0;
                continue;
            }

            var hold = quiet && !(alert.Severity == AlertSeverity.Critical && subscription.Details.CriticalInQuietHours);
            // The claim decides, against every scan and instance: held in quiet hours, within the day's cap, or capped.
            var state = await sent.TryClaimAsync(key, alert.Campaign.AdvertiserId, alert.Alert.Summary, hold, Options.MaxPerChannelPerDay, ct);
            if (state is null)
            {
                // A claim never posted (Slack refused it, or its scan died) is taken over once it is older than the lease;
                // it already holds its place under the cap.
                if (!await sent.TryReclaimAsync(key, now - Options.ClaimLease, ct))
                {
                    continue;
                }

                if (hold)
                {
                    tally.Held += await sent.MarkAsync(key, SentAlertState.Held, null, ct) ? 1 : 0;
                    continue;
                }
            }
            else if (state == SentAlertState.Held)
            {
                tally.Held++;
                continue;
            }

            if (state == SentAlertState.Capped)
            {
                capped.Add(alert);
                tally.Capped++;
                continue;
            }

            toPost.Add((alert.Alert.Rule == AlertRule.SpendWithoutConversions ? alert with { AdGroupToPause = await AdGroupToPauseAsync(store.TeamId, alert, ct) } : alert, key));
        }

        // Critical: at once, one message per cause (an advertiser's rule); warnings: all of this scan's in one message.
        foreach (var cause in Causes(toPost.Where(p => p.Alert.Severity == AlertSeverity.Critical)))
        {
            await PostAndMarkAsync(api, sent, cause.Count == 1 ? AlertViews.Alert(cause[0].Alert, channel) : AlertViews.Grouped([cause.Select(p => p.Alert).ToArray()], channel),
                cause, tally, ct);
        }

        var warnings = Causes(toPost.Where(p => p.Alert.Severity != AlertSeverity.Critical));
        if (warnings.Count > 0)
        {
            var all = warnings.SelectMany(c => c).ToArray();
            await PostAndMarkAsync(api, sent, all.Length == 1 ? AlertViews.Alert(all[0].Alert, channel) : AlertViews.Grouped(warnings.Select(c => c.Select(p => p.Alert).ToArray()).ToArray(), channel),
                all, tally, ct);
        }

        if (capped.Count > 0)
        {
            await PostAsync(api, AlertViews.CapSummary(capped, Options.MaxPerChannelPerDay, channel), null, ct);
        }

        var days = campaigns.Select(c => c.LocalDate).Distinct().ToArray();
        var byId = campaigns.GroupBy(c => c.Campaign.Id).ToDictionary(g => g.Key, g => g.First().Campaign, StringComparer.Ordinal);
        if (!quiet)
        {
            await ReleaseHeldAsync(api, sent, channel, days, byId, tally, ct);
        }

        await RecoverAsync(api, sent, channel, campaigns, found, watches, tally, ct);
    }

    /// <summary>The alerts to post grouped by cause: one rule on one advertiser's campaigns, in the order found.</summary>
    private static List<List<(FoundAlert Alert, SentAlertKey Key)>> Causes(IEnumerable<(FoundAlert Alert, SentAlertKey Key)> alerts) =>
        alerts.GroupBy(p => (p.Alert.Campaign.AdvertiserId, p.Alert.Alert.Rule)).Select(g => g.ToList()).ToList();

    /// <summary>Posts one message for <paramref name="alerts"/> and marks each posted with it; a refused post leaves them claimed for a later scan.</summary>
    private async Task PostAndMarkAsync(
        Lazy<Task<ISlackWebApi>> api, ISentAlertRepository sent, SlackMessage message, IReadOnlyList<(FoundAlert Alert, SentAlertKey Key)> alerts, Tally tally,
        CancellationToken ct)
    {
        if (await PostAsync(api, message, alerts[0].Key, ct) is not { } ts)
        {
            return;
        }

        foreach (var (_, key) in alerts)
        {
            await sent.MarkAsync(key, SentAlertState.Posted, ts, ct);
            tally.Posted++;
        }
    }

    /// <summary>Quiet hours are over: the alerts they held (today's and yesterday's) go out in one message.</summary>
    private async Task ReleaseHeldAsync(
        Lazy<Task<ISlackWebApi>> api, ISentAlertRepository sent, string channel, IReadOnlyList<DateOnly> days, IReadOnlyDictionary<string, CampaignInfo> campaigns,
        Tally tally, CancellationToken ct)
    {
        var held = new List<SentAlert>();
        foreach (var day in days.Concat(days.Select(d => d.AddDays(-1))).Distinct())
        {
            foreach (var alert in (await sent.ListForDayAsync(channel, day, ct)).Where(a => a.State == SentAlertState.Held))
            {
                // Marking first: of two scans releasing at once, each alert goes to exactly one of them.
                if (await sent.MarkAsync(alert.Key, SentAlertState.Posted, null, ct))
                {
                    held.Add(alert);
                }
            }
        }

        if (held.Count == 0)
        {
            return;
        }

        // The figures are as fresh as the earliest scan that held one: its claim is when that scan read them.
        var earliest = held.MinBy(a => a.ClaimedAt)!;
        var freshness = Freshness.Line(earliest.ClaimedAt, campaigns.GetValueOrDefault(earliest.Key.CampaignId)?.TimeZone, earliest.Key.LocalDate);
        var names = campaigns.ToDictionary(c => c.Key, c => c.Value.Name, StringComparer.Ordinal);
        if (await PostAsync(api, AlertViews.Released(held, names, channel, freshness), null, ct) is { } ts)
        {
            foreach (var alert in held)
            {
                await sent.RecordMessageAsync(alert.Key, ts, ct);
            }
        }

        tally.Released += held.Count;
    }

    /// <summary>An alert posted today whose condition this scan no longer finds is answered "recovered" in its thread, once.</summary>
    private async Task RecoverAsync(
        Lazy<Task<ISlackWebApi>> api, ISentAlertRepository sent, string channel, IReadOnlyList<(CampaignInfo Campaign, DateOnly LocalDate)> campaigns,
        IReadOnlyList<FoundAlert> found, Func<string, bool> watches, Tally tally, CancellationToken ct)
    {
        var firing = found.Select(f => (f.Campaign.Id, f.Alert.RuleId)).ToHashSet();
        foreach (var group in campaigns.Where(c => watches(c.Campaign.Id)).GroupBy(c => c.LocalDate))
        {
            var read = group.ToDictionary(c => c.Campaign.Id, c => c.Campaign, StringComparer.Ordinal);
            foreach (var alert in await sent.ListForDayAsync(channel, group.Key, ct))
            {
                if (alert.State != SentAlertState.Posted || alert.RecoveredAt is not null || !read.TryGetValue(alert.Key.CampaignId, out var campaign) ||
                    firing.Contains((alert.Key.CampaignId, alert.Key.RuleId)) ||
                    // A warning that became an alert has not recovered: it got worse.
                    (alert.Key.RuleId == nameof(AlertRule.FrequencyWarning) && firing.Contains((alert.Key.CampaignId, nameof(AlertRule.FrequencyAlert)))))
                {
                    continue;
                }

                if (await sent.MarkRecoveredAsync(alert.Key, ct))
                {
                    await PostAsync(api, AlertViews.Recovered(alert, campaign.Name, channel), null, ct);
                    tally.Recovered++;
                }
            }
        }
    }

    /// <summary>For spend without conversions: the ad group spending most today with no conversion, to offer pausing it.</summary>
    private async Task<string?> AdGroupToPauseAsync(string teamId, FoundAlert alert, CancellationToken ct)
    {
        try
        {
            var source = (await reports.SourceAsync(teamId, ct)).Source;
            var rows = await source.GetBreakdownAsync(alert.Campaign.Id, BreakdownDimension.AdGroup, new DateRange(alert.LocalDate, alert.LocalDate), ct);
            return rows.Where(r => r.Status is null && r.Totals.Counts.Spend > 0 && r.Totals.Counts.Conversions == 0 && r.Totals.Counts.RealTimeConversions == 0)
                .MaxBy(r => r.Totals.Counts.Spend)?.Key;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The alert goes out without the button rather than not at all.
            logger.LogWarning("Could not read the ad groups of campaign {CampaignId} for its pause button: {Failure}", alert.Campaign.Id, e.GetType().Name);
            return null;
        }
    }

    private async Task<string?> PostAsync(Lazy<Task<ISlackWebApi>> api, SlackMessage message, SentAlertKey? key, CancellationToken ct)
    {
        try
        {
            var posted = await (await api.Value).PostMessageAsync(message, ct);
            return posted.Ts ?? posted.MessageTs ?? "-";
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException)
        {
            logger.LogWarning("Alert message to {ChannelId} ({Rule} on {CampaignId}) was refused: {Failure}", message.Channel, key?.RuleId, key?.CampaignId,
                (e as SlackApiException)?.Error ?? e.GetType().Name);
            return null;
        }
    }

    private sealed class Tally
    {
        public int Posted { get; set; }

        public int Held { get; set; }

        public int Capped { get; set; }

        public int Released { get; set; }

        public int Recovered { get; set; }

        public int Noted { get; set; }
    }
}
