using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Reports;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Checkins;

/// <summary>
/// A pause or a budget change the bot made itself closes the open fixes it carries out: those on the same campaign
/// (and ad group, when the fix names one) whose finding's fixes include that kind of change. The fix is then applied
/// by the action, on the advertiser's day of the change, and followed up like any other.
/// </summary>
internal sealed class FixesClosedByActions(IWorkspaceStorage storage, ReportService reports, IOptionsMonitor<FixOutcomeOptions> options, ILogger<FixesClosedByActions> logger)
    : IAppliedChangeListener
{
    public async Task AppliedAsync(AppliedChange change, CancellationToken ct)
    {
        if (change.IsUndo || Carries(change.Kind) is not { } kind)
        {
            return;
        }

        var fixes = storage.ForTeam(change.TeamId).Fixes;
        var open = (await fixes.ListInProgressAsync(null, change.CampaignId, ct))
            .Where(f => f.State == FixState.Open && (f.Details.AdGroupId is null || f.Details.AdGroupId == change.AdGroupId))
            .ToList();
        if (open.Count == 0 || await reports.FindByIdAsync(change.TeamId, change.CampaignId, ct) is not { } campaign)
        {
            return;
        }

        var overview = await reports.OverviewAsync(change.TeamId, campaign, Period.Default, ct);
        foreach (var fix in open)
        {
            // An alert's fix is carried out by a change of the kind of its first fix; a finding's by any of its fixes.
            var carried = FixTarget.AlertRuleOf(fix.Details.RuleId) is { } alert
                ? FixTarget.ForAlert(alert, overview.Facts.Profile).FirstFix is var first && first == kind ? new Domain.Diagnosis.Fix(first, "") : null
                : overview.Diagnosis.Findings.FirstOrDefault(f => f.RuleId == fix.Details.RuleId)?.Fixes.FirstOrDefault(f => f.Kind == kind);
            if (carried is null)
            {
                continue;
            }

            var due = FixPeriods.DueOn(change.ChangedOn, carried.RestartsLearning, options.CurrentValue);
            if (await fixes.MarkDoneAsync(fix.FixId, change.ActionId, byAction: true, carried.RestartsLearning, due, ct))
            {
                logger.LogInformation("Fix {FixId} closed by action {ActionId} in team {TeamId}", fix.FixId, change.ActionId, change.TeamId);
            }
        }
    }

    private static FixKind? Carries(ActionKind kind) => kind switch
    {
        ActionKind.Pause => FixKind.Pause,
        ActionKind.Budget => FixKind.Budget,
        _ => null,
    };
}
