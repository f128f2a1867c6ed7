using Microsoft.Extensions.Options;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Summary;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Checkins;

/// <summary>
/// Takes, assigns and marks done the fixes of one workspace. Whatever a button names is looked up in the presser's own
/// workspace: the campaign must be one it reads and the finding one its own diagnosis makes today, so a value copied to
/// or forged in another workspace records nothing.
/// </summary>
internal sealed class CheckinsService(IWorkspaceStorage storage, ReportService reports, IOptionsMonitor<FixOutcomeOptions> options, ILogger<CheckinsService> logger)
    : IFixesInProgress
{
    /// <summary>
    /// Records the fix of <paramref name="target"/>'s finding for <paramref name="ownerId"/> (taken by the asker), in the
    /// thread <paramref name="threadTs"/>; when the finding already has a fix in progress, hands that one on.
    /// </summary>
    public async Task<TakeOutcome?> TakeAsync(Asker asker, FindingTarget target, string ownerId, string threadTs, CancellationToken ct)
    {
        if (await reports.FindByIdAsync(asker.TeamId, target.CampaignId, ct) is not { } campaign)
        {
            logger.LogWarning("Fix button named a campaign team {TeamId} does not read; ignored", asker.TeamId);
            return null;
        }

        var overview = await reports.OverviewAsync(asker.TeamId, campaign, Period.Default, ct);
        if (overview.Diagnosis.Findings.FirstOrDefault(f => f.RuleId == target.RuleId) is not { } finding)
        {
            return TakeOutcome.Refused($"*{Mrkdwn(campaign.Name)}* no longer shows that finding: ask `/ttmetrics fix {Mrkdwn(campaign.Name)}` again.");
        }

        // The metric the follow-up compares: the finding's own rate or cost, or what its first fix should move (FixTarget).
        var metric = FixTarget.For(finding, overview.Facts.Profile);
        var reading = Reading(overview, metric);
        var details = new FixDetails(
            NewFixId(), campaign.Id, target.AdGroupId, finding.RuleId, finding.Title, metric, Value(reading),
            Standing(finding, metric, reading, campaign.Currency), ownerId, asker.UserId, asker.ChannelId ?? "", threadTs);
        var fix = await storage.ForTeam(asker.TeamId).Fixes.TakeAsync(details, ct);
        logger.LogInformation("Fix {FixId} ({RuleId} on campaign {CampaignId}) owned by {OwnerId}, taken by {UserId} in team {TeamId}",
            fix.FixId, fix.Details.RuleId, campaign.Id, ownerId, asker.UserId, asker.TeamId);
        return new TakeOutcome(fix, campaign.Name, null);
    }

    /// <summary>
    /// Records the fix of an alert (its title as the alert names it) for <paramref name="ownerId"/>, in the alert's thread:
    /// the alert must have been sent in this workspace's channel for that campaign and rule, so a value copied to or
    /// forged in another workspace records nothing. Its metric is the one <see cref="FixTarget.ForAlert"/> names, its
    /// standing the alert's own words with that metric's value on the alert's day.
    /// </summary>
    public async Task<TakeOutcome?> TakeAlertAsync(Asker asker, AlertFinding target, string title, string ownerId, string threadTs, CancellationToken ct)
    {
        var store = storage.ForTeam(asker.TeamId);
        var ruleId = target.Rule.ToString();
        if (asker.ChannelId is not { Length: > 0 } channel ||
            await reports.FindByIdAsync(asker.TeamId, target.CampaignId, ct) is not { } campaign ||
            (await store.SentAlerts.ListRecentAsync(channel, SentAlertsRead, ct))
                .Where(a => a.Key.CampaignId == campaign.Id && a.Key.RuleId == ruleId)
                .MaxBy(a => a.Key.LocalDate) is not { } sent)
        {
            logger.LogWarning("Alert fix button named an alert team {TeamId} did not send in that channel; ignored", asker.TeamId);
            return null;
        }

        var overview = await reports.OverviewAsync(asker.TeamId, campaign, new Period(PeriodKind.Today), ct);
        var (metric, _) = FixTarget.ForAlert(target.Rule, overview.Facts.Profile);
        var reading = Reading(overview, metric);
        var standing = sent.Summary + (reading is null ? "" : $" ({reading.Metric.DisplayName} today: {MetricFormat.Format(reading.Metric.Id, reading.Value, campaign.Currency)}, {reading.Standing.Verdict})");
        var details = new FixDetails(NewFixId(), campaign.Id, target.AdGroupId, FixTarget.RuleIdOf(target.Rule), title, metric, Value(reading),
            standing, ownerId, asker.UserId, channel, threadTs);
        var fix = await store.Fixes.TakeAsync(details, ct);
        logger.LogInformation("Fix {FixId} (alert {Rule} on campaign {CampaignId}) owned by {OwnerId}, taken by {UserId} in team {TeamId}",
            fix.FixId, ruleId, campaign.Id, ownerId, asker.UserId, asker.TeamId);
        return new TakeOutcome(fix, campaign.Name, null);
    }

    /// <summary>
    /// Marks the fix applied now, its follow-up due when <see cref="FixPeriods.DueOn"/> says (in the advertiser's days;
    /// after the learning window when the finding's first fix restarts learning). Null when the fix is not this workspace's.
    /// </summary>
    public async Task<TakeOutcome?> DoneAsync(Asker asker, FixReference reference, CancellationToken ct)
    {
        var fixes = storage.ForTeam(asker.TeamId).Fixes;
        if (await fixes.FindAsync(reference.FixId, ct) is not { } fix)
        {
            return null;
        }

        var campaign = await reports.FindByIdAsync(asker.TeamId, fix.Details.CampaignId, ct);
        if (fix.State != FixState.Open)
        {
            return TakeOutcome.Refused($"That fix was already marked done on {fix.DoneAt:yyyy-MM-dd HH:mm} UTC.");
        }

        var restarts = campaign is not null && await RestartsLearningAsync(asker.TeamId, campaign, fix.Details.RuleId, ct);
        var changedOn = campaign is null ? DateOnly.FromDateTime(DateTime.UnixEpoch) : reports.DaysOf(campaign).Today;
        var due = FixPeriods.DueOn(changedOn, restarts, options.CurrentValue);
        if (!await fixes.MarkDoneAsync(fix.FixId, asker.UserId, byAction: false, restarts, due, ct))
        {
            return TakeOutcome.Refused("That fix was marked done a moment ago.");
        }

        return new TakeOutcome(await fixes.FindAsync(fix.FixId, ct), campaign?.Name ?? fix.Details.CampaignId, null);
    }

    /// <summary><c>fixes [mine|&lt;campaign&gt;|all]</c>: the fixes in progress of this workspace, by owner and campaign.</summary>
    public async Task<Slack.BlockKit.SlackMessage> ListAsync(Asker asker, MetricsCommand.Fixes command, CancellationToken ct)
    {
        string? campaignId = null;
        if (command.Campaign is { } typed)
        {
            var resolution = await reports.FindAsync(asker.TeamId, typed, ct);
            if (resolution.Campaign is not { } campaign)
            {
                return Reply.NotFound(typed, resolution);
            }

            campaignId = campaign.Id;
        }

        var fixes = await storage.ForTeam(asker.TeamId).Fixes.ListInProgressAsync(command.Mine ? asker.UserId : null, campaignId, ct);
        var names = (await reports.CampaignsAsync(asker.TeamId, ct)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var whose = command.Mine ? "yours" : campaignId is not null ? $"on {names.GetValueOrDefault(campaignId, campaignId)}" : "in this workspace";
        return CheckinViews.List(fixes, names, whose);
    }

    private async Task<bool> RestartsLearningAsync(string teamId, CampaignInfo campaign, string ruleId, CancellationToken ct)
    {
        if (FixTarget.AlertRuleOf(ruleId) is { } alert)
        {
            var profile = (await reports.OverviewAsync(teamId, campaign, Period.Default, ct)).Facts.Profile;
            return new Domain.Diagnosis.Fix(FixTarget.ForAlert(alert, profile).FirstFix, "").RestartsLearning;
        }

        var overview = await reports.OverviewAsync(teamId, campaign, Period.Default, ct);
        return overview.Diagnosis.Findings.FirstOrDefault(f => f.RuleId == ruleId)?.Fixes.FirstOrDefault()?.RestartsLearning ?? false;
    }

    /// <summary>How many of the channel's last alerts an alert's "I'll take it" looks through for the one it names.</summary>
    private const int SentAlertsRead = 200;

    private static MetricReading? Reading(CampaignOverview overview, MetricId? metric) =>
        metric is { } m ? overview.Summary.Stages.SelectMany(s => s.Readings).FirstOrDefault(r => r.Metric.Id == m) : null;

    private static decimal? Value(MetricReading? reading) => reading?.Value is { } value ? decimal.Round(value, 6) : null;

    /// <summary>
    /// The finding's first number with its reference, as the fix reply shows it ("Frequency 5.40 (fatigue point 3.00)"), with the
    /// judged metric's standing; and that metric's value when the finding's own number is another (Frequency, judged on CTR).
    /// </summary>
    private static string Standing(Finding finding, MetricId? judged, MetricReading? reading, string currency)
    {
        var words = finding.Evidence.FirstOrDefault() is { } e
            ? $"{e.Label} {MetricFormat.Format(e.Value, e.Unit, currency)}" +
                (e.Reference is { } r ? $" ({(e.ReferenceLabel is { } l ? l + " " : "")}{MetricFormat.Format(r, e.Unit, currency)})" : "")
            : finding.Title;
        if (reading is null)
        {
            return words;
        }

        return judged == finding.Metric
            ? $"{words} ({reading.Standing.Verdict})"
            : $"{words}; judged on {reading.Metric.DisplayName}, now {MetricFormat.Format(reading.Metric.Id, reading.Value, currency)} ({reading.Standing.Verdict})";
    }

    private static string NewFixId() => "fix-" + Guid.NewGuid().ToString("N")[..16];

    private static string Mrkdwn(string text) => Slack.BlockKit.Mrkdwn.Escape(text);
}
