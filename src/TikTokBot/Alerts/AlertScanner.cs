using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Alerts;

/// <summary>A rule that fired on a campaign in a scan, on the advertiser's local day.</summary>
/// <param name="Silenced">Snoozed or muted: found, but told to no channel.</param>
internal sealed record FoundAlert(Alert Alert, CampaignInfo Campaign, DateOnly LocalDate, bool Silenced, string? AdGroupToPause = null);

/// <summary>What one scan did. <see cref="Complete"/> is false when a report could not be read whole: then nothing was raised.</summary>
internal sealed record AlertScanResult(
    string TeamId, bool Complete, int CampaignsRead, IReadOnlyList<FoundAlert> Found, int Posted, int Held, int Capped, int Released, int Recovered, string? Failure)
{
    public static AlertScanResult Nothing(string teamId) => new(teamId, true, 0, [], 0, 0, 0, 0, 0, null);
}

/// <summary>
/// The scan of one workspace: reads today's figures of the campaigns its channels watch (one report series per advertiser,
/// shared by all its campaigns), checks the rules, and tells each channel once per campaign, rule and advertiser-local day:
/// the claim in <c>sent_alerts</c> decides, whichever scan or instance gets there first. Holds alerts in quiet hours and
/// lists them when they end, caps a channel's day, and answers "recovered" in the thread when a condition is gone.
/// </summary>
internal sealed class AlertScanner(
    ReportService reports, SettingsService settings, IWorkspaceStorage storage, ISlackWebApiFactory slack, IOptions<AlertOptions> options,
    AlertScanMonitor monitor, TimeProvider time, ILogger<AlertScanner> logger)
{
    private AlertOptions Options => options.Value;

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
        IReadOnlyList<CampaignToday> read;
        IReadOnlyList<(CampaignInfo Campaign, DateOnly LocalDate)> campaigns;
        try
        {
            (campaigns, read) = await ReadAsync(store, subscriptions, now, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Never alert (or call anything recovered) on part of the figures: the whole scan stands down.
            logger.LogWarning(e, "Alert scan of team {TeamId} could not read the figures ({Failure}); nothing raised", teamId, e.GetType().Name);
            return new AlertScanResult(teamId, false, 0, [], 0, 0, 0, 0, 0, e.Message);
        }

        var silences = await store.AlertSubscriptions.ListSilencesAsync(ct);
        var found = new List<FoundAlert>();
        for (var i = 0; i < read.Count; i++)
        {
            foreach (var alert in AlertRules.Check(read[i], Options))
            {
                var silenced = silences.Any(s => s.CampaignId == alert.CampaignId && s.RuleId == alert.RuleId);
                found.Add(new FoundAlert(alert, campaigns[i].Campaign, campaigns[i].LocalDate, silenced));
            }
        }

        var tally = new Tally();
        foreach (var subscription in subscriptions)
        {
            await TellChannelAsync(store, subscription, campaigns, found, now, tally, ct);
        }

        logger.LogInformation(
            "Alert scan of team {TeamId}: {Campaigns} campaigns read, {Found} alerts found, {Posted} posted, {Held} held, {Capped} capped, {Released} released, {Recovered} recovered",
            teamId, read.Count, found.Count, tally.Posted, tally.Held, tally.Capped, tally.Released, tally.Recovered);
        return new AlertScanResult(teamId, true, read.Count, found, tally.Posted, tally.Held, tally.Capped, tally.Released, tally.Recovered, null);
    }

    /// <summary>
    /// Today's inputs of every watched campaign. Every campaign asks the same advertiser-wide ranges, so the source sends
    /// one daily, one reach and one hourly series per advertiser however many campaigns it has. Any failure fails the whole
    /// read (the hourly one too: an hour not read is never an hour without delivery).
    /// </summary>
    private async Task<(IReadOnlyList<(CampaignInfo, DateOnly)>, IReadOnlyList<CampaignToday>)> ReadAsync(
        IWorkspaceStore store, IReadOnlyList<AlertSubscription> subscriptions, DateTimeOffset now, CancellationToken ct)
    {
        var workspace = await reports.SourceAsync(store.TeamId, ct);
        var source = workspace.Source;
        var all = subscriptions.Count == 0 || subscriptions.Any(s => s.Details.CampaignIds.Count == 0);
        var wanted = subscriptions.SelectMany(s => s.Details.CampaignIds).ToHashSet(StringComparer.Ordinal);
        var campaigns = (await source.ListCampaignsAsync(ct)).Where(c => all || wanted.Contains(c.Id)).ToArray();
        var saved = await settings.CampaignSettingsAsync(store.TeamId, ct);
        var zones = (await store.TikTokConnections.ListAsync(ct)).ToDictionary(c => c.AdvertiserId, c => c.TimeZone, StringComparer.Ordinal);

        var inputs = await Task.WhenAll(campaigns.Select(async campaign =>
        {
            // TikTok reports an advertiser's days in its own time zone; without a connection (demo, static token) it is UTC.
            var zone = zones.TryGetValue(campaign.AdvertiserId, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
            var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            var today = DateOnly.FromDateTime(localNow);
            var range = AlertInputs.Range(today, Options);
            var scope = Scope.Campaign(campaign.Id);
            var daily = source.GetDailyAsync(scope, range, ct);
            var reach = source.GetReachAsync(scope, range, ct);
            var hourly = source.GetHourlyAsync(scope, today, ct);
            var credit = await CreditLeftAsync(source, campaign, saved.CreditFor(campaign.Id), today, ct);
            var input = AlertInputs.From(campaign, await daily, await reach, localNow, saved.CriteriaFor(campaign.Id)?.TargetCostPerOutcome, credit, Options,
                await hourly);
            return ((campaign, today), WithLearning(input, campaign, await daily, range));
        }));
        return (inputs.Select(i => i.Item1).ToArray(), inputs.Select(i => i.Item2).ToArray());
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

    private async Task TellChannelAsync(
        IWorkspaceStore store, AlertSubscription subscription, IReadOnlyList<(CampaignInfo Campaign, DateOnly LocalDate)> campaigns,
        IReadOnlyList<FoundAlert> found, DateTimeOffset now, Tally tally, CancellationToken ct)
    {
        var channel = subscription.ChannelId;
        var watches = (string campaignId) => subscription.Details.CampaignIds.Count == 0 || subscription.Details.CampaignIds.Contains(campaignId);
        var quiet = AlertQuietHours.IsQuiet(subscription.Details, now);
        var sent = store.SentAlerts;
        var capped = new List<FoundAlert>();
        var api = new Lazy<Task<ISlackWebApi>>(() => slack.ForTeamAsync(null, store.TeamId, ct).AsTask());

        foreach (var alert in found.Where(f => !f.Silenced && watches(f.Campaign.Id)))
        {
            var key = new SentAlertKey(channel, alert.Campaign.Id, alert.Alert.RuleId, alert.LocalDate);
            // The claim decides, against every scan and instance: held in quiet hours, within the day's cap, or capped.
            var state = await sent.TryClaimAsync(key, alert.Campaign.AdvertiserId, alert.Alert.Summary, quiet, Options.MaxPerChannelPerDay, ct);
            if (state is null)
            {
                // A claim never posted (Slack refused it, or its scan died) is taken over once it is older than the lease;
                // it already holds its place under the cap.
                if (!await sent.TryReclaimAsync(key, now - Options.ClaimLease, ct))
                {
                    continue;
                }

                if (quiet)
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

            var withPause = alert.Alert.Rule == AlertRule.SpendWithoutConversions ? alert with { AdGroupToPause = await AdGroupToPauseAsync(store.TeamId, alert, ct) } : alert;
            if (await PostAsync(api, AlertViews.Alert(withPause, channel), key, ct) is { } ts)
            {
                await sent.MarkAsync(key, SentAlertState.Posted, ts, ct);
                tally.Posted++;
            }
        }

        if (capped.Count > 0)
        {
            await PostAsync(api, AlertViews.CapSummary(capped, Options.MaxPerChannelPerDay, channel), null, ct);
        }

        var days = campaigns.Select(c => c.LocalDate).Distinct().ToArray();
        var names = campaigns.GroupBy(c => c.Campaign.Id).ToDictionary(g => g.Key, g => g.First().Campaign.Name, StringComparer.Ordinal);
        if (!quiet)
        {
            await ReleaseHeldAsync(api, sent, channel, days, names, tally, ct);
        }

        await RecoverAsync(api, sent, channel, campaigns, found, watches, tally, ct);
    }

    /// <summary>Quiet hours are over: the alerts they held (today's and yesterday's) go out in one message.</summary>
    private async Task ReleaseHeldAsync(
        Lazy<Task<ISlackWebApi>> api, ISentAlertRepository sent, string channel, IReadOnlyList<DateOnly> days, IReadOnlyDictionary<string, string> names,
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

        if (await PostAsync(api, AlertViews.Released(held, names, channel), null, ct) is { } ts)
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
    }
}

/// <summary>Whether a channel's quiet hours hold alerts now, read on the channel's own clock (so through daylight-saving changes).</summary>
internal static class AlertQuietHours
{
    public static bool IsQuiet(AlertSubscriptionDetails details, DateTimeOffset now)
    {
        if (details.QuietFrom is not { } from || details.QuietTo is not { } to || from == to)
        {
            return false;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(details.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // 20:00-08:00 wraps past midnight; 12:00-14:00 does not.
        return from < to ? local >= from && local < to : local >= from || local < to;
    }
}

/// <summary>Every finished scan, for whoever waits on one (a test, a dashboard): a definite signal instead of a guess.</summary>
internal sealed class AlertScanMonitor
{
    private readonly object _gate = new();
    private readonly List<AlertScanResult> _results = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AlertScanResult> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    public void Record(AlertScanResult result)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _results.Add(result);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Completes when <paramref name="count"/> scans of the team have finished.</summary>
    public async Task<IReadOnlyList<AlertScanResult>> WaitForScansAsync(string teamId, int count, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var done = _results.Where(r => r.TeamId == teamId).ToArray();
                if (done.Length >= count)
                {
                    return done;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(ct);
        }
    }
}
