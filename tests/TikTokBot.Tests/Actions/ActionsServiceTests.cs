using TikTokBot.Actions;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage;
using TikTokBot.TikTok.Writes;
using static TikTokBot.Tests.Actions.ActionsHarness;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests.Actions;

/// <summary>Pause, resume and budget changes against the fake TikTok and a real SQLite file: each write exactly once.</summary>
public sealed class ActionsServiceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly ActionIntent PauseAdGroup = ActionIntent.Pause(ActionLevel.AdGroup, AdGroup42);

    private static ActionOptions WithApproval() => new() { RequireApproval = true };

    [Fact]
    public async Task A_confirmed_pause_is_written_once_read_back_and_audited()
    {
        await using var h = await StartAsync();

        var proposal = await h.ProposedAsync(PauseAdGroup);
        Assert.Equal(ActionOutcomeKind.Proposed, proposal.Kind);
        Assert.Empty(h.Writes.Writes);
        Assert.StartsWith("This will pause Ad group Broad 18-44 (running -> paused). Today's spend so far: $", proposal.Message);

        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Done, done.Kind);
        Assert.Equal("Ad group Broad 18-44 paused; it was spending $90.00 a day.", done.Message);
        var write = Assert.Single(h.Writes.Applied);
        Assert.Equal("adgroup/status/update/", write.Path);
        Assert.Equal(("DISABLE", AdGroup42), (write.Body["operation_status"]!.ToString(), write.Body["adgroup_ids"]![0]!.ToString()));
        Assert.False(h.Writes.Get(AdGroup42).Enabled);
        var stored = (await h.Store.Actions.FindAsync(proposal.Action.Id, Ct))!;
        Assert.Equal(ActionRequestState.Done, stored.State);
        Assert.NotNull(stored.TikTokRequestId);
        Assert.Contains("\"enabled\":true", stored.BeforeJson);
        Assert.Contains("\"enabled\":false", stored.AfterJson);
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromHours(1), done.UndoUntil);
        Assert.Equal(["requested", "approved", "executing", "done"], (await h.Store.Actions.ListEventsAsync(stored.Id, Ct)).Select(e => e.Event));
    }

    [Fact]
    public async Task A_budget_raise_on_a_daily_ad_group_budget_is_scheduled_for_tomorrow()
    {
        await using var h = await StartAsync();

        var proposal = await h.ProposeAsync(ActionIntent.ChangeBudget(ActionLevel.AdGroup, AdGroup42, BudgetChange.ByPercent(20)));
        Assert.Contains("from $90.00 to $108.00 (+20%)", proposal.Message);
        Assert.Contains("from 00:00 on 2026-11-21 account time", proposal.Message);
        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);

        Assert.Equal("Ad group Broad 18-44: budget $90.00 -> $108.00 a day, from 00:00 tomorrow account time.", done.Message);
        var write = Assert.Single(h.Writes.Applied);
        Assert.Equal("""{"advertiser_id":"7000000000000001","scheduled_budget":[{"adgroup_id":"1800000000000042-g1","scheduled_budget":108.0}]}""", write.Body.ToJsonString());
    }

    [Fact]
    public async Task A_write_that_times_out_after_TikTok_applied_it_is_read_back_and_never_written_twice()
    {
        await using var h = await StartAsync();
        var proposal = await h.ProposedAsync(PauseAdGroup);
        h.Writes.HangAfterApplyingNextWrite();

        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);
        var again = await h.Service.ExecuteAsync(Team, proposal.Action.Id, Requester, Ct);

        Assert.True(h.Writes.AppliedAndHanging.Task.IsCompleted);
        Assert.Equal(ActionOutcomeKind.Done, done.Kind);
        Assert.Contains("reading it back shows the change was made", done.Message);
        Assert.Contains("nothing was written again", again.Message);
        Assert.Single(h.Writes.Writes);
    }

    [Fact]
    public async Task A_rate_limited_write_is_retried_and_applied_once()
    {
        await using var h = await StartAsync();
        var proposal = await h.ProposedAsync(PauseAdGroup);
        h.Writes.RateLimitNextWrites(2);

        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Done, done.Kind);
        Assert.Equal(3, h.Writes.Writes.Count);
        Assert.Single(h.Writes.Applied);
    }

    [Fact]
    public async Task A_token_without_write_permission_is_refused_with_what_to_grant_in_TikTok()
    {
        await using var h = await StartAsync();
        var proposal = await h.ProposedAsync(PauseAdGroup);
        h.Writes.DenyWrites = true;

        var refused = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Refused, refused.Kind);
        Assert.Contains("grant TikTokBot's app the Ads Management permission", refused.Message);
        Assert.Empty(h.Writes.Applied);
        Assert.Equal(ActionRequestState.Failed, (await h.Store.Actions.FindAsync(proposal.Action.Id, Ct))!.State);
    }

    [Fact]
    public async Task An_ad_group_paused_meanwhile_in_Ads_Manager_is_not_written_again()
    {
        await using var h = await StartAsync();
        var proposal = await h.ProposedAsync(PauseAdGroup);
        h.Writes.Set(h.Writes.Get(AdGroup42) with { Enabled = false });

        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Done, done.Kind);
        Assert.Contains("It was already paused (changed outside TikTokBot since it was proposed), so nothing was written.", done.Message);
        Assert.Empty(h.Writes.Writes);
        Assert.Contains("is already paused; nothing to do", (await h.ProposeAsync(PauseAdGroup)).Message);
    }

    [Fact]
    public async Task With_approval_required_the_requester_cannot_approve_and_another_admin_can()
    {
        await using var h = await StartAsync(WithApproval());
        var proposal = await h.ProposedAsync(PauseAdGroup);

        var waiting = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);
        var self = await h.Service.ApproveAsync(Asker(Requester), proposal.Action.Id, Ct);
        Assert.Equal(ActionOutcomeKind.AwaitingApproval, waiting.Kind);
        Assert.Contains("you cannot approve it yourself", self.Message);
        Assert.Empty(h.Writes.Writes);

        var approved = await h.Service.ApproveAsync(Asker(Approver), proposal.Action.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Done, approved.Kind);
        Assert.Single(h.Writes.Applied);
        Assert.Equal(Approver, (await h.Store.Actions.FindAsync(proposal.Action.Id, Ct))!.DecidedBy);
    }

    [Fact]
    public async Task A_request_not_approved_within_its_lifetime_expires_and_writes_nothing()
    {
        await using var h = await StartAsync(WithApproval());
        var proposal = await h.ProposedAsync(PauseAdGroup);
        h.Clock.Advance(TimeSpan.FromHours(24));

        var late = await h.Service.ApproveAsync(Asker(Approver), proposal.Action!.Id, Ct);

        Assert.StartsWith("It expired: nobody approved it within 24 hours", late.Message);
        Assert.Equal(ActionRequestState.Expired, (await h.Store.Actions.FindAsync(proposal.Action.Id, Ct))!.State);
        Assert.Empty(h.Writes.Writes);
    }

    [Fact]
    public async Task A_rejected_request_cannot_be_approved_afterwards()
    {
        await using var h = await StartAsync(WithApproval());
        var proposal = await h.ProposedAsync(PauseAdGroup);

        var rejected = await h.Service.RejectAsync(Asker(Approver), proposal.Action!.Id, Ct);
        var approved = await h.Service.ApproveAsync(Asker(SecondApprover), proposal.Action.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Rejected, rejected.Kind);
        Assert.Contains("rejected it; nothing was changed", approved.Message);
        Assert.Empty(h.Writes.Writes);
    }

    [Fact]
    public async Task Pressing_approve_twice_writes_once()
    {
        await using var h = await StartAsync(WithApproval());
        var proposal = await h.ProposedAsync(PauseAdGroup);

        var first = await h.Service.ApproveAsync(Asker(Approver), proposal.Action!.Id, Ct);
        var second = await h.Service.ApproveAsync(Asker(Approver), proposal.Action.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Done, first.Kind);
        Assert.Contains("Already done", second.Message);
        Assert.Single(h.Writes.Writes);
    }

    [Fact]
    public async Task Two_approvers_at_once_write_once() => await TwoApproversAtOnceWriteOnce(await StartAsync(WithApproval()));

    [NeedsFact(External.PostgreSql)]
    public async Task Two_approvers_at_once_write_once_on_PostgreSQL() => await TwoApproversAtOnceWriteOnce(await ActionsHarness.StartOnPostgresAsync(WithApproval()));

    private static async Task TwoApproversAtOnceWriteOnce(ActionsHarness started)
    {
        await using var h = started;
        var proposal = await h.ProposedAsync(PauseAdGroup);

        var outcomes = await Task.WhenAll(new[] { Approver, SecondApprover, Approver, SecondApprover }
            .Select(user => Task.Run(() => h.Service.ApproveAsync(Asker(user), proposal.Action!.Id, Ct))));

        Assert.Single(outcomes, o => o.Kind == ActionOutcomeKind.Done && !o.Message.Contains("Already", StringComparison.Ordinal));
        Assert.Single(h.Writes.Writes);
    }

    [Fact]
    public async Task A_member_without_the_role_can_neither_ask_nor_approve()
    {
        await using var h = await StartAsync(WithApproval());

        var asked = await h.ProposeAsync(PauseAdGroup, user: Member);
        var proposal = await h.ProposedAsync(PauseAdGroup);
        var approved = await h.Service.ApproveAsync(Asker(Member), proposal.Action!.Id, Ct);

        Assert.Equal(ActionOutcomeKind.Refused, asked.Kind);
        Assert.StartsWith("Only workspace admins can pause, resume or change budgets here.", approved.Message);
        Assert.Empty(h.Writes.Writes);
    }

    [Fact]
    public async Task A_forged_advertiser_or_another_workspaces_action_id_writes_nothing()
    {
        await using var h = await StartAsync();
        var ours = await h.ProposedAsync(PauseAdGroup);

        var forged = await h.ProposeAsync(PauseAdGroup, advertiser: "7999999999999999");
        var otherTeam = await h.Service.ConfirmAsync(Asker(Requester, team: "T-OTHER"), ours.Action!.Id, Ct);
        var otherApprove = await h.Service.ApproveAsync(Asker(Approver, team: "T-OTHER"), ours.Action.Id, Ct);

        Assert.StartsWith("Advertiser 7999999999999999 is not connected to this workspace", forged.Message);
        Assert.Contains("cannot find that action in this workspace", otherTeam.Message);
        Assert.Contains("cannot find that action in this workspace", otherApprove.Message);
        Assert.Empty(h.Writes.Writes);
        Assert.Equal(ActionRequestState.Requested, (await h.Store.Actions.FindAsync(ours.Action.Id, Ct))!.State);
    }

    [Fact]
    public async Task Undo_reverses_within_the_window_and_is_refused_after_it()
    {
        await using var h = await StartAsync();
        var first = await h.ProposedAsync(PauseAdGroup);
        await h.Service.ConfirmAsync(Asker(Requester), first.Action!.Id, Ct);

        var undone = await h.Service.UndoAsync(Asker(Approver), first.Action.Id, Ct);

        Assert.StartsWith("Undone: Ad group Broad 18-44 resumed", undone.Message);
        Assert.True(h.Writes.Get(AdGroup42).Enabled);
        Assert.Equal(ActionRequestState.Undone, (await h.Store.Actions.FindAsync(first.Action.Id, Ct))!.State);

        var second = await h.ProposedAsync(PauseAdGroup);
        await h.Service.ConfirmAsync(Asker(Requester), second.Action!.Id, Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(61));
        var late = await h.Service.UndoAsync(Asker(Requester), second.Action.Id, Ct);

        Assert.StartsWith("Undo works for 60 minutes after an action (Actions:UndoWindow)", late.Message);
        Assert.Equal(3, h.Writes.Applied.Count);
        Assert.False(h.Writes.Get(AdGroup42).Enabled);
    }

    [Fact]
    public async Task A_pause_during_learning_says_it_restarts_learning_with_the_numbers()
    {
        await using var h = await StartAsync();

        var proposal = await h.ProposeAsync(ActionIntent.Pause(ActionLevel.AdGroup, Campaign45AdGroup));

        Assert.True(proposal.Plan!.RestartsLearning);
        Assert.Matches(@"Pausing restarts the learning phase: it is on day 2 of about 7 with \d+ of the ~50 conversions", proposal.Message);
    }

    [Fact]
    public async Task On_demo_data_a_pause_is_simulated_in_memory_and_says_so()
    {
        await using var h = await StartAsync(target: demo => new DemoWriteTarget(demo));

        var proposal = await h.ProposedAsync(PauseAdGroup);
        var done = await h.Service.ConfirmAsync(Asker(Requester), proposal.Action!.Id, Ct);
        var again = await h.ProposeAsync(PauseAdGroup);

        Assert.True(done.Simulated);
        Assert.Matches(@"^Ad group Broad 18-44 paused; it was spending \$\d+\.00 a day\. \(Simulated on demo data: nothing was sent to TikTok\.\)$", ActionViews.Render(done).Text);
        Assert.Contains("already paused", again.Message);
        Assert.Empty(h.Writes.Writes);
    }

    [Fact]
    public async Task An_Ads_Manager_export_is_refused_as_read_only()
    {
        await using var h = await StartAsync(target: _ => new CsvWriteTarget());

        var refused = await h.ProposeAsync(PauseAdGroup);

        Assert.Equal(CsvWriteTarget.Reason, refused.Message);
        Assert.Empty(await h.Store.Actions.ListActedAsync("1800000000000042", new DateOnly(2026, 11, 20), Ct));
    }
}
