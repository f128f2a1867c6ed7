using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Metrics;
using TikTokBot.Permissions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Writes;

namespace TikTokBot.Actions;

/// <summary>
/// Pause, resume and budget changes on TikTok, from Slack. Propose reads the state fresh and applies the guard rails;
/// Confirm (the asker) and Approve (another person, when <c>Actions:RequireApproval</c>) lead to Execute, which writes
/// once per action id, reads the result back and audits it; Undo reverses a done action within <c>Actions:UndoWindow</c>.
/// </summary>
internal sealed class ActionsService(
    IWorkspaceStorage storage,
    IWorkspaceAdvertisers advertisers,
    IWriteTargets targets,
    IPermissionPolicy permission,
    IActionLearning learning,
    IOptionsMonitor<ActionOptions> options,
    TimeProvider time,
    ILogger<ActionsService> logger)
{
    /// <summary>Reads the target fresh, applies the guard rails, and stores the request; nothing is written to TikTok.</summary>
    /// <param name="campaignId">When given (a button's proposal), the target must be this campaign or one of its ad groups.</param>
    public async Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, CancellationToken ct, string? campaignId = null) =>
        await ProposeAsync(asker, advertiserId, intent, undoes: null, ct, campaignId);

    /// <summary>The asker confirms the proposal: executed now, or posted for approval when <c>Actions:RequireApproval</c>.</summary>
    public async Task<ActionOutcome> ConfirmAsync(ActionAsker asker, string actionId, CancellationToken ct)
    {
        var store = storage.ForTeam(asker.TeamId);
        var action = await store.Actions.FindAsync(actionId, ct);
        if (action is null)
        {
            return ActionOutcome.Refuse("I cannot find that action in this workspace; nothing was changed. Ask again with the command.");
        }

        if (action.Details.RequestedBy != asker.UserId)
        {
            return ActionOutcome.Refuse("Only the person who asked can confirm this action; nothing was changed.", action);
        }

        if (action.State == ActionRequestState.Requested && options.CurrentValue.RequireApproval)
        {
            return new ActionOutcome(ActionOutcomeKind.AwaitingApproval,
                $"Waiting for approval: another person who may act must approve it before {action.Details.ExpiresAt:yyyy-MM-dd HH:mm} UTC.", action,
                Simulated: await SimulatedAsync(asker.TeamId, action, ct))
            {
                Target = await NamesAsync(asker.TeamId, action.Details, ct),
            };
        }

        if (action.State == ActionRequestState.Requested && !await store.Actions.TryDecideAsync(actionId, approve: true, asker.UserId, ct))
        {
            return await ExplainAsync(store, actionId, ct);
        }

        return await ExecuteAsync(asker.TeamId, actionId, asker.UserId, ct);
    }

    /// <summary>Another person who may act approves: the action is then executed (once, however many press Approve).</summary>
    public async Task<ActionOutcome> ApproveAsync(ActionAsker approver, string actionId, CancellationToken ct)
    {
        var store = storage.ForTeam(approver.TeamId);
        var action = await store.Actions.FindAsync(actionId, ct);
        if (action is null)
        {
            return ActionOutcome.Refuse("I cannot find that action in this workspace; nothing was changed.");
        }

        var may = await permission.CheckAsync(Permission.Act, approver.EnterpriseId, approver.TeamId, approver.UserId, ct);
        if (!may.Allowed)
        {
            return ActionOutcome.Refuse(may.Refusal!, action);
        }

        if (action.Details.RequestedBy == approver.UserId)
        {
            return ActionOutcome.Refuse("You asked for this action, so you cannot approve it yourself: another person who may act must approve it. Nothing was changed.", action);
        }

        if (action.State == ActionRequestState.Requested && time.GetUtcNow() >= action.Details.ExpiresAt)
        {
            await store.Actions.TryExpireAsync(actionId, ct);
        }

        if (!await store.Actions.TryDecideAsync(actionId, approve: true, approver.UserId, ct))
        {
            return await ExplainAsync(store, actionId, ct);
        }

        return await ExecuteAsync(approver.TeamId, actionId, approver.UserId, ct);
    }

    /// <summary>Rejects a waiting request (its asker may withdraw it too); nothing is written.</summary>
    public async Task<ActionOutcome> RejectAsync(ActionAsker asker, string actionId, CancellationToken ct)
    {
        var store = storage.ForTeam(asker.TeamId);
        var action = await store.Actions.FindAsync(actionId, ct);
        if (action is null)
        {
            return ActionOutcome.Refuse("I cannot find that action in this workspace.");
        }

        if (action.Details.RequestedBy != asker.UserId && await permission.CheckAsync(Permission.Act, asker.EnterpriseId, asker.TeamId, asker.UserId, ct) is { Allowed: false } may)
        {
            return ActionOutcome.Refuse(may.Refusal!, action);
        }

        if (action.State == ActionRequestState.Requested && time.GetUtcNow() >= action.Details.ExpiresAt)
        {
            await store.Actions.TryExpireAsync(actionId, ct);
        }

        return await store.Actions.TryDecideAsync(actionId, approve: false, asker.UserId, ct)
            ? new ActionOutcome(ActionOutcomeKind.Rejected, $"Rejected by <@{asker.UserId}>; nothing was changed.", await store.Actions.FindAsync(actionId, ct), Simulated: await SimulatedAsync(asker.TeamId, action, ct))
            : await ExplainAsync(store, actionId, ct);
    }

    /// <summary>
    /// Executes an approved action, idempotently by its id: a done action answers its result again; an action whose
    /// last write timed out is read back first and written only if TikTok had not applied it.
    /// </summary>
    public async Task<ActionOutcome> ExecuteAsync(string teamId, string actionId, string actor, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var store = storage.ForTeam(teamId);
        var action = await store.Actions.FindAsync(actionId, ct);
        if (action is null)
        {
            return ActionOutcome.Refuse("I cannot find that action in this workspace; nothing was changed.");
        }

        if (action.State != ActionRequestState.Approved)
        {
            return await ExplainAsync(store, actionId, ct);
        }

        var access = await advertisers.FindAsync(teamId, action.Details.AdvertiserId, ct);
        if (access is null)
        {
            await store.Actions.MarkFailedAsync(actionId, "advertiser not connected to this workspace", actor, ct);
            return ActionOutcome.Refuse(NotOurs(action.Details.AdvertiserId), action);
        }

        var local = AccountNow(access);
        if (!await store.Actions.TryStartAsync(actionId, DateOnly.FromDateTime(local), o.MaxPerCampaignPerDay, actor, ct))
        {
            var now = await store.Actions.FindAsync(actionId, ct);
            if (now?.State == ActionRequestState.Approved)
            {
                var refusal = $"Campaign {action.Details.CampaignId} already had {o.MaxPerCampaignPerDay} actions today (Actions:MaxPerCampaignPerDay). Try again tomorrow (account time), or make the change in TikTok Ads Manager.";
                await store.Actions.MarkFailedAsync(actionId, refusal, actor, ct);
                return ActionOutcome.Refuse(refusal, now);
            }

            return await ExplainAsync(store, actionId, ct);
        }

        var intent = IntentOf(action.Details);
        TargetState? before;
        try
        {
            before = await targets.For(access).ReadAsync(access, intent.Level, intent.TargetId, DateOnly.FromDateTime(local), ct);
        }
        catch (MetricSourceException e)
        {
            // Nothing was written in this attempt: hand the action back so a later press can try again.
            await store.Actions.MarkUncertainAsync(actionId, e.Message, ct);
            return new ActionOutcome(ActionOutcomeKind.Uncertain, $"{e.Message} Nothing was changed yet; press again to retry.", action);
        }

        if (before is null)
        {
            var gone = $"TikTok no longer has {Describe(intent)}; nothing was changed.";
            await store.Actions.MarkFailedAsync(actionId, gone, actor, ct);
            return ActionOutcome.Refuse(gone, action);
        }

        var wanted = Wanted(action.Details, before);
        if (Reached(before, wanted, intent))
        {
            // A timed-out write that TikTok had applied, or a change someone made meanwhile: either way, nothing to write.
            var note = action.WriteUncertain
                ? "TikTok had applied the earlier attempt, so nothing was written again."
                : $"It was already {Value(before, intent)} (changed outside TikTokBot since it was proposed), so nothing was written.";
            await store.Actions.MarkDoneAsync(actionId, null, Snapshot(before), Snapshot(before), actor, ct);
            return Done(await store.Actions.FindAsync(actionId, ct), access, $"{Confirmation(intent, before, before)} {note}");
        }

        var decision = ActionRules.Decide(intent, before, new ActionSituation(local, 0), null, o);
        if (!decision.Allowed)
        {
            await store.Actions.MarkFailedAsync(actionId, decision.Refusal!, actor, ct);
            return ActionOutcome.Refuse($"Nothing was changed: {decision.Refusal}", action);
        }

        WriteOutcome written;
        try
        {
            written = intent.Kind == ActionKind.Budget
                ? await targets.For(access).SetBudgetAsync(access, intent.Level, intent.TargetId, wanted.Budget!.Value, before.BudgetMode, ct)
                : await targets.For(access).SetStatusAsync(access, intent.Level, intent.TargetId, wanted.Enabled, ct);
        }
        catch (TikTokWriteUncertainException e)
        {
            return await AfterTimeoutAsync(store, access, action, intent, before, wanted, local, actor, e, ct);
        }
        catch (MetricSourceException e)
        {
            await store.Actions.MarkFailedAsync(actionId, e.Message, actor, ct);
            return ActionOutcome.Refuse(e.Message, action);
        }

        var after = await ReadBackAsync(access, intent, local, ct) ?? before with { Enabled = wanted.Enabled, Budget = wanted.Budget };
        await store.Actions.MarkDoneAsync(actionId, written.RequestId, Snapshot(before), Snapshot(after), actor, ct);
        logger.LogInformation("Action {ActionId} done in team {TeamId}: {Kind} {Level} {TargetId} (TikTok request {RequestId})",
            actionId, teamId, intent.Kind, intent.Level, intent.TargetId, written.RequestId);
        return Done(await store.Actions.FindAsync(actionId, ct), access, Confirmation(intent, before, after));
    }

    /// <summary>Reverses a done action within <c>Actions:UndoWindow</c>, through the same checks as any action.</summary>
    public async Task<ActionOutcome> UndoAsync(ActionAsker asker, string actionId, CancellationToken ct)
    {
        var store = storage.ForTeam(asker.TeamId);
        var action = await store.Actions.FindAsync(actionId, ct);
        if (action is null)
        {
            return ActionOutcome.Refuse("I cannot find that action in this workspace; nothing was changed.");
        }

        if (action.State != ActionRequestState.Done || action.FinishedAt is not { } finished)
        {
            return ActionOutcome.Refuse(action.State == ActionRequestState.Undone ? "It was undone already; nothing was changed." : "Only a done action can be undone; nothing was changed.", action);
        }

        var window = options.CurrentValue.UndoWindow;
        if (time.GetUtcNow() > finished + window)
        {
            return ActionOutcome.Refuse(
                $"Undo works for {window.TotalMinutes:0} minutes after an action (Actions:UndoWindow), and this one was done at {finished:yyyy-MM-dd HH:mm} UTC. " +
                "Nothing was changed; ask for the change you want as a new action.", action);
        }

        var intent = IntentOf(action.Details);
        var reverse = intent.Kind switch
        {
            ActionKind.Pause => ActionIntent.Resume(intent.Level, intent.TargetId),
            ActionKind.Resume => ActionIntent.Pause(intent.Level, intent.TargetId),
            _ => ActionIntent.ChangeBudget(intent.Level, intent.TargetId, BudgetChange.To(decimal.Parse(action.Details.FromValue, CultureInfo.InvariantCulture))),
        };
        var proposed = await ProposeAsync(asker, action.Details.AdvertiserId, reverse, undoes: actionId, ct);
        if (proposed.Kind != ActionOutcomeKind.Proposed)
        {
            return proposed;
        }

        // An undo puts back the state a person already approved, so it needs no second approval.
        if (!await store.Actions.TryDecideAsync(proposed.Action!.Id, approve: true, asker.UserId, ct))
        {
            return await ExplainAsync(store, proposed.Action.Id, ct);
        }

        var result = await ExecuteAsync(asker.TeamId, proposed.Action.Id, asker.UserId, ct);
        if (result.Kind == ActionOutcomeKind.Done)
        {
            await store.Actions.MarkUndoneAsync(actionId, proposed.Action.Id, asker.UserId, ct);
            return result with { Message = "Undone: " + result.Message, UndoUntil = null };
        }

        return result;
    }

    private async Task<ActionOutcome> ProposeAsync(ActionAsker asker, string advertiserId, ActionIntent intent, string? undoes, CancellationToken ct, string? campaignId = null)
    {
        var o = options.CurrentValue;
        var access = await advertisers.FindAsync(asker.TeamId, advertiserId, ct);
        var target = access is null ? null : targets.For(access);
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
            return ActionOutcome.Refuse(NotOurs(advertiserId));
        }

        var local = AccountNow(access);
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
            return ActionOutcome.Refuse($"TikTok has no {Describe(intent)} {(campaignId is null ? $"in advertiser {advertiserId}" : $"in campaign {campaignId}")}; nothing was changed. Check the id with `/ttmetrics list`.");
        }

        var store = storage.ForTeam(asker.TeamId);
        var actedToday = (await store.Actions.ListActedAsync(state.CampaignId, today, ct)).Count;
        var phase = await learning.AssessAsync(state.CampaignId, today, ct);
        var decision = ActionRules.Decide(intent, state, new ActionSituation(local, actedToday), phase, o);
        if (!decision.Allowed)
        {
            return ActionOutcome.Refuse(decision.Refusal!);
        }

        var plan = decision.Plan!;
        var details = new ActionRequestDetails(
            "act-" + Guid.NewGuid().ToString("N")[..16], asker.ChannelId, asker.UserId, advertiserId, state.CampaignId,
            intent.Level == ActionLevel.AdGroup ? intent.TargetId : null, intent.Level == ActionLevel.Campaign ? "campaign" : "adgroup",
            intent.Kind.ToString().ToLowerInvariant(), undoes is null ? intent.Budget?.ToString() ?? intent.Kind.ToString().ToLowerInvariant() : $"undo {undoes}",
            ValueText(intent, plan.From), ValueText(intent, plan.To), time.GetUtcNow() + o.ApprovalLifetime, undoes);
        await store.Actions.CreateAsync(details, approved: false, ct);
        var stored = await store.Actions.FindAsync(details.Id, ct);
        return new ActionOutcome(ActionOutcomeKind.Proposed, ProposalText(plan, access, o.RequireApproval && undoes is null), stored, plan, target.Simulated) { Target = state };
    }

    private async Task<ActionOutcome> AfterTimeoutAsync(
        IWorkspaceStore store, AdvertiserAccess access, StoredAction action, ActionIntent intent, TargetState before, ActionValues wanted, DateTime local,
        string actor, TikTokWriteUncertainException timeout, CancellationToken ct)
    {
        var after = await ReadBackAsync(access, intent, local, ct);
        if (after is not null && Reached(after, wanted, intent))
        {
            await store.Actions.MarkDoneAsync(action.Id, timeout.RequestId, Snapshot(before), Snapshot(after), actor, ct);
            return Done(await store.Actions.FindAsync(action.Id, ct), access,
                $"{Confirmation(intent, before, after)} (TikTok answered late, but reading it back shows the change was made.)");
        }

        await store.Actions.MarkUncertainAsync(action.Id, timeout.TikTokMessage, ct);
        return new ActionOutcome(ActionOutcomeKind.Uncertain, timeout.Message, await store.Actions.FindAsync(action.Id, ct));
    }

    private async Task<TargetState?> ReadBackAsync(AdvertiserAccess access, ActionIntent intent, DateTime local, CancellationToken ct)
    {
        try
        {
            return await targets.For(access).ReadAsync(access, intent.Level, intent.TargetId, DateOnly.FromDateTime(local), ct);
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning("Reading back {Level} {TargetId} failed: {Reason}", intent.Level, intent.TargetId, e.Message);
            return null;
        }
    }

    private ActionOutcome Done(StoredAction? action, AdvertiserAccess access, string message) =>
        new(ActionOutcomeKind.Done, message, action, null, targets.For(access).Simulated,
            action?.FinishedAt is { } finished && action.Details.UndoesId is null ? finished + options.CurrentValue.UndoWindow : null);

    /// <summary>Why a transition did not happen, from the action's state now.</summary>
    private async Task<ActionOutcome> ExplainAsync(IWorkspaceStore store, string actionId, CancellationToken ct)
    {
        var action = await store.Actions.FindAsync(actionId, ct);
        return action?.State switch
        {
            null => ActionOutcome.Refuse("I cannot find that action in this workspace; nothing was changed."),
            ActionRequestState.Done => new ActionOutcome(ActionOutcomeKind.Done,
                $"Already done{(action.DecidedBy is { } by && by != action.Details.RequestedBy ? $" (approved by <@{by}>)" : "")}; nothing was written again.", action,
                Simulated: await SimulatedAsync(store, action, ct), UndoUntil: action.FinishedAt + options.CurrentValue.UndoWindow),
            ActionRequestState.Executing or ActionRequestState.Approved => ActionOutcome.Refuse($"Already approved by <@{action.DecidedBy}> and being carried out; nothing more to do.", action),
            ActionRequestState.Rejected => ActionOutcome.Refuse($"<@{action.DecidedBy}> rejected it; nothing was changed. Ask again if it is still needed.", action),
            ActionRequestState.Expired => ActionOutcome.Refuse(
                $"It expired: nobody approved it within {options.CurrentValue.ApprovalLifetime.TotalHours:0} hours (Actions:ApprovalLifetime). Nothing was changed; ask again.", action),
            ActionRequestState.Failed => ActionOutcome.Refuse($"It failed earlier and changed nothing: {action.Failure}", action),
            ActionRequestState.Undone => ActionOutcome.Refuse("It was done and then undone; nothing more to do.", action),
            _ => ActionOutcome.Refuse("It is still waiting for approval; nothing was changed yet.", action),
        };
    }

    /// <summary>Whether the action's advertiser is only simulated (the demo data), as its workspace reaches it.</summary>
    private async Task<bool> SimulatedAsync(string teamId, StoredAction action, CancellationToken ct) =>
        await advertisers.FindAsync(teamId, action.Details.AdvertiserId, ct) is { } access && targets.For(access).Simulated;

    private Task<bool> SimulatedAsync(IWorkspaceStore store, StoredAction action, CancellationToken ct) => SimulatedAsync(store.TeamId, action, ct);

    /// <summary>The target as it is now, to name it in the approval request; null (ids only) when it cannot be read.</summary>
    private async Task<TargetState?> NamesAsync(string teamId, ActionRequestDetails details, CancellationToken ct)
    {
        if (await advertisers.FindAsync(teamId, details.AdvertiserId, ct) is not { } access)
        {
            return null;
        }

        var intent = IntentOf(details);
        return await ReadBackAsync(access, intent, AccountNow(access), ct);
    }

    private DateTime AccountNow(AdvertiserAccess access)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(access.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;
    }

    private static string NotOurs(string advertiserId) =>
        $"Advertiser {advertiserId} is not connected to this workspace, so TikTokBot will not act on it. Nothing was changed. Connect it to this workspace first.";

    private static ActionIntent IntentOf(ActionRequestDetails d)
    {
        var level = d.Level == "campaign" ? ActionLevel.Campaign : ActionLevel.AdGroup;
        var id = d.AdGroupId ?? d.CampaignId;
        return d.Kind switch
        {
            "pause" => ActionIntent.Pause(level, id),
            "resume" => ActionIntent.Resume(level, id),
            // The approved amount, never the percent again: a retry must not compound the change.
            _ => ActionIntent.ChangeBudget(level, id, BudgetChange.To(decimal.Parse(d.ToValue, CultureInfo.InvariantCulture))),
        };
    }

    private static ActionValues Wanted(ActionRequestDetails d, TargetState now) => d.Kind switch
    {
        "pause" => new ActionValues(false, now.Budget),
        "resume" => new ActionValues(true, now.Budget),
        _ => new ActionValues(now.Enabled, decimal.Parse(d.ToValue, CultureInfo.InvariantCulture)),
    };

    private static bool Reached(TargetState state, ActionValues wanted, ActionIntent intent) => intent.Kind == ActionKind.Budget
        ? state.Budget == wanted.Budget || (state.Level == ActionLevel.AdGroup && state.BudgetMode == BudgetMode.Daily && state.ScheduledBudget == wanted.Budget)
        : state.Enabled == wanted.Enabled;

    private static string ValueText(ActionIntent intent, ActionValues values) => intent.Kind == ActionKind.Budget
        ? values.Budget!.Value.ToString(CultureInfo.InvariantCulture)
        : values.Enabled ? "enabled" : "paused";

    private static string Value(TargetState state, ActionIntent intent) => intent.Kind == ActionKind.Budget
        ? $"at a budget of {MetricFormat.Money(state.ScheduledBudget ?? state.Budget ?? 0m, state.Currency)}"
        : state.Enabled ? "running" : "paused";

    private static string Describe(ActionIntent intent) => $"{(intent.Level == ActionLevel.Campaign ? "campaign" : "ad group")} {intent.TargetId}";

    private static string Name(TargetState state) => $"{(state.Level == ActionLevel.Campaign ? "Campaign" : "Ad group")} {state.Name}";

    private static string Snapshot(TargetState state) => JsonSerializer.Serialize(new
    {
        enabled = state.Enabled,
        budget = state.Budget,
        scheduled_budget = state.ScheduledBudget,
        budget_mode = state.BudgetMode.ToString(),
        today_spend = state.TodaySpend,
        currency = state.Currency,
    });

    /// <summary>The sentence in the thread after a write, such as "paused; it was spending $412.00 a day".</summary>
    internal static string Confirmation(ActionIntent intent, TargetState before, TargetState after)
    {
        string Money(decimal? amount) => MetricFormat.Money(amount ?? 0m, before.Currency);
        return intent.Kind switch
        {
            ActionKind.Pause => $"{Name(before)} paused; it was spending {(before.BudgetMode == BudgetMode.Daily && before.Budget is { } b ? Money(b) + " a day" : Money(before.TodaySpend) + " today")}.",
            ActionKind.Resume => $"{Name(before)} resumed; it can spend {(after.BudgetMode == BudgetMode.Daily && after.Budget is { } b2 ? "up to " + Money(b2) + " a day" : "again")}.",
            _ => $"{Name(before)}: budget {Money(before.Budget)} -> {Money(after.ScheduledBudget ?? after.Budget)}" +
                 (before.BudgetMode == BudgetMode.Daily ? " a day, from 00:00 tomorrow account time." : " (lifetime), now."),
        };
    }

    private static string ProposalText(ActionPlan plan, AdvertiserAccess access, bool needsApproval)
    {
        var t = plan.Target;
        string Money(decimal? amount) => MetricFormat.Money(amount ?? 0m, t.Currency);
        var change = plan.Intent.Kind == ActionKind.Budget
            ? $"change the {(t.BudgetMode == BudgetMode.Daily ? "daily" : "lifetime")} budget of {Name(t)} from {Money(plan.From.Budget)} to {Money(plan.To.Budget)} ({plan.ChangePercent:+0.#;-0.#}%)"
            : $"{(plan.Intent.Kind == ActionKind.Pause ? "pause" : "resume")} {Name(t)} ({(plan.From.Enabled ? "running" : "paused")} -> {(plan.To.Enabled ? "running" : "paused")})";
        return $"This will {change}. Today's spend so far: {Money(t.TodaySpend)} (account time zone {access.TimeZone}). " +
               string.Join(" ", plan.Consequences) +
               (needsApproval ? " Another person who may act must approve it." : "");
    }
}
