using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Actions;

/// <summary>
/// Proposing: reads the target fresh, applies the guard rails (<see cref="ActionRules"/>) and stores the request.
/// Nothing is written to TikTok; the proposal is shown with Confirm / Cancel.
/// </summary>
internal sealed class ActionProposals(
    IWorkspaceStorage storage,
    AdvertiserReach reach,
    IPermissionPolicy permission,
    IActionLearning learning,
    IOptionsMonitor<ActionOptions> options,
    TimeProvider time,
    ILogger<ActionProposals> logger)
{
    /// <param name="undoes">For an undo, the done action it reverses (it then needs no second approval).</param>
    /// <param name="campaignId">When given (a button's proposal), the target must be this campaign or one of its ad groups.</param>
    public async Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, string? undoes, string? campaignId, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var access = await reach.FindAsync(asker.TeamId, advertiserId, ct);
        var target = access is null ? null : reach.Target(access);
        if (target?.ReadOnlyReason is { } readOnly)
        {
            return ActionOutcome.Refuse(readOnly);
        }

        var may = await permission.CheckAsync(Permission.Act, asker.EnterpriseId, asker.TeamId, asker.UserId, ct);
        if (!may.Allowed)
        {
            return ActionOutcome.Refuse(may.Refusal!);
        }

        if (access is null || target is null)
        {
            logger.LogWarning("Team {TeamId} asked to act on advertiser {AdvertiserId}, which it does not own; refused", asker.TeamId, advertiserId);
            return ActionOutcome.Refuse(ActionTexts.NotOurs(advertiserId));
        }

        var local = reach.AccountNow(access);
        var today = DateOnly.FromDateTime(local);
        TargetState? state;
        try
        {
            state = await target.ReadAsync(access, intent.Level, intent.TargetId, today, ct);
        }
        catch (MetricSourceException e)
        {
            return ActionOutcome.Refuse(e.Message);
        }

        // A button names the campaign it was shown for; an ad group of any other campaign is not what was offered.
        if (state is null || (campaignId is not null && state.CampaignId != campaignId))
        {
            logger.LogInformation("Team {TeamId} asked for {Level} {TargetId}, not found under campaign {CampaignId}; refused", asker.TeamId, intent.Level, intent.TargetId, campaignId);
            return ActionOutcome.Refuse($"TikTok has no {ActionTexts.Describe(intent)} {(campaignId is null ? $"in advertiser {advertiserId}" : $"in campaign {campaignId}")}; nothing was changed. Check the id with `/ttmetrics list`.");
        }

        var actions = storage.ForTeam(asker.TeamId).Actions;
        var actedToday = (await actions.ListActedAsync(state.CampaignId, today, ct)).Count;
        var phase = await learning.AssessAsync(state.CampaignId, today, ct);
        var decision = ActionRules.Decide(intent, state, new ActionSituation(local, actedToday), phase, o);
        if (!decision.Allowed)
        {
            return ActionOutcome.Refuse(decision.Refusal!);
        }

        var plan = decision.Plan!;
        var details = new ActionRequestDetails(
            "act-" + Guid.NewGuid().ToString("N")[..16], asker.ChannelId, asker.UserId, advertiserId, state.CampaignId,
            intent.Level == ActionLevel.AdGroup ? intent.TargetId : null, intent.Level, intent.Kind,
            undoes is null ? intent.Budget?.ToString() ?? intent.Kind.ToString().ToLowerInvariant() : $"undo {undoes}",
            ActionTexts.Stored(intent, plan.From), ActionTexts.Stored(intent, plan.To), time.GetUtcNow() + o.ApprovalLifetime, undoes);
        await actions.CreateAsync(details, approved: false, ct);
        var stored = await actions.FindAsync(details.Id, ct);
        return new ActionOutcome(ActionOutcomeKind.Proposed, ActionTexts.Proposal(plan, access, o.RequireApproval && undoes is null), stored, plan, target.Simulated) { Target = state };
    }
}
