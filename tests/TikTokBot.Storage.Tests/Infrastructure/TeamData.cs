using System.Text.Json;
using TikTokBot.Domain.Actions;

namespace TikTokBot.Storage.Tests.Infrastructure;

/// <summary>The identifiers of a team filled with one row of every kind.</summary>
internal sealed record SeededTeam(string CreditWindowId, string SubscriptionId, DateOnly DeliveredOn, DateOnly ClaimedOn, string ConnectStateId = TeamData.ConnectStateId);

internal static class TeamData
{
    public const string Token = "xoxb-1111-2222-do-not-store-me";
    public const string Channel = "C0DIGEST";
    public const string TikTokToken = "act.tiktok-advertiser-token-do-not-store-me";
    public const string AdvertiserId = "7100000000000000001";
    public const string ConnectStateId = "state-seeded-0001";
    public const string ActionId = "act-seeded-requested";
    public const string ApprovedActionId = "act-seeded-approved";
    public const string ExecutingActionId = "act-seeded-executing";
    public const string DoneActionId = "act-seeded-done";
    public const string StaleActionId = "act-seeded-stale";
    public static readonly DateOnly ActedOn = new(2025, 3, 1);

    /// <summary>The weeks of the seeded subscription's recaps: one posted, one claimed and not posted.</summary>
    public static readonly DateOnly PostedRecapWeek = new(2025, 2, 17);
    public static readonly DateOnly ClaimedRecapWeek = new(2025, 2, 24);
    public static readonly SentAlertKey SentAlert = new(Channel, "cmp-1", "SpendWithoutConversions", new DateOnly(2025, 3, 1));
    public static readonly SentAlertKey ClaimedAlert = new(Channel, "cmp-2", "CtrDrop", new DateOnly(2025, 3, 1));
    public const string OpenFixId = "fix-seeded-open";
    public const string DoneFixId = "fix-seeded-done";

    /// <summary>How long a claim stays its sender's before another may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Writes one row of every kind for the store's team, through the repositories.</summary>
    public static async Task<SeededTeam> SeedAsync(IWorkspaceStore store, CancellationToken ct)
    {
        await store.Installation.SaveAsync(new InstallationDetails("E01", Token, "UBOT", "UADMIN"), ct);
        await store.Aliases.SetAsync("launch", "cmp-1", "UADMIN", ct);
        await store.SuccessCriteria.SetAsync(new SuccessCriteriaDetails("cmp-1", "WebsiteConversions", 25.00m, 50), "UADMIN", ct);
        var window = await store.CreditWindows.AddAsync(
            new CreditWindowDetails(CreditScope.Advertiser, "adv-9", 1500.50m, new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31)), "UADMIN", ct);
        var subscription = await store.Subscriptions.SubscribeAsync(
            new SubscriptionDetails(Channel, ["cmp-1", "cmp-2"], new TimeOnly(9, 0), "Europe/Berlin"), "UADMIN", ct);

        var deliveredOn = new DateOnly(2025, 3, 1);
        var claimedOn = new DateOnly(2025, 3, 2);
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, deliveredOn, TeamData.Lease, ct) is not null);
        Assert.True(await store.Deliveries.MarkDeliveredAsync(subscription.Id, deliveredOn, "1740819600.000100", 1, ct));
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, claimedOn, TeamData.Lease, ct) is not null);

        await store.TikTokConnections.ConnectAsync(
            [new TikTokAdvertiserDetails(AdvertiserId, "Tokyo Shop", "JPY", "Asia/Tokyo"), new TikTokAdvertiserDetails("7100000000000000002", "LA Store", "USD", "America/Los_Angeles")],
            TikTokToken, "UADMIN", ct);
        await store.ChannelAdvertisers.SetAsync(Channel, AdvertiserId, "UADMIN", ct);
        await store.ConnectStates.CreateAsync(ConnectStateId, "E01", "UADMIN", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), ct);
        Assert.True(await store.Actions.CreateAsync(Action(ActionId, "UADMIN"), approved: false, ct));
        Assert.True(await store.Actions.CreateAsync(Action(StaleActionId, "UADMIN") with { ExpiresAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }, approved: false, ct));
        foreach (var id in new[] { ApprovedActionId, ExecutingActionId, DoneActionId })
        {
            Assert.True(await store.Actions.CreateAsync(Action(id, "UADMIN"), approved: true, ct));
        }

        Assert.True(await store.Actions.TryStartAsync(ExecutingActionId, ActedOn, 5, "UADMIN", ct));
        Assert.True(await store.Actions.TryStartAsync(DoneActionId, ActedOn, 5, "UADMIN", ct));
        Assert.True(await store.Actions.MarkDoneAsync(DoneActionId, "tt-req-1", """{"budget":400}""", """{"budget":480}""", "UADMIN", ct));
        await store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(Channel, ["cmp-1"], new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"), "UADMIN", ct);
        await store.AlertSubscriptions.SilenceAsync("cmp-1", "CtrDrop", null, "UADMIN", ct);
        Assert.Equal(SentAlertState.Claimed, await store.SentAlerts.TryClaimAsync(SentAlert, AdvertiserId, "61.50 spent, no conversion", hold: false, dailyCap: 10, ct));
        Assert.True(await store.SentAlerts.MarkAsync(SentAlert, SentAlertState.Posted, "1740819600.000200", ct));
        Assert.Equal(SentAlertState.Claimed, await store.SentAlerts.TryClaimAsync(ClaimedAlert, AdvertiserId, "CTR halved", hold: false, dailyCap: 10, ct));
        Assert.True(await store.AlertSubscriptions.SetCriticalInQuietHoursAsync(Channel, true, "UADMIN", ct));
        await store.SentAlerts.CountSilenceAsync(Channel, "CtrDrop", mute: true, ct);
        Assert.True(await store.SentAlerts.NoteForDigestAsync(SentAlert with { RuleId = "FrequencyWarning" }, "cmp-1 name", "frequency 3.2", ct));
        await store.Fixes.TakeAsync(Fix(OpenFixId, "LowCtr", "UADMIN"), ct);
        await store.Fixes.TakeAsync(Fix(DoneFixId, "HighCostPerConversion", "UADMIN"), ct);
        Assert.True(await store.Fixes.MarkDoneAsync(DoneFixId, "UADMIN", byAction: false, restartsLearning: false, ActedOn.AddDays(3), ct));
        Assert.True(await store.Recaps.TryClaimAsync(subscription.Id, PostedRecapWeek, TeamData.Lease, ct));
        Assert.True(await store.Recaps.MarkPostedAsync(subscription.Id, PostedRecapWeek, "1740819600.000400", ct));
        Assert.True(await store.Recaps.TryClaimAsync(subscription.Id, ClaimedRecapWeek, TeamData.Lease, ct));
        return new SeededTeam(window.Id, subscription.Id, deliveredOn, claimedOn);
    }

    /// <summary>Everything a team's repositories can read, as one comparable text.</summary>
    public static async Task<string> SnapshotAsync(IWorkspaceStore store, CancellationToken ct)
    {
        var subscriptions = await store.Subscriptions.ListAsync(ct);
        var deliveries = new List<DigestDelivery>();
        var recaps = new List<string?>();
        foreach (var subscription in subscriptions)
        {
            deliveries.AddRange(await store.Deliveries.ListAsync(subscription.Id, ct));
            recaps.Add(await store.Recaps.FindPostedAsync(subscription.Id, PostedRecapWeek, ct));
            recaps.Add(await store.Recaps.FindPostedAsync(subscription.Id, ClaimedRecapWeek, ct));
        }

        return JsonSerializer.Serialize(new
        {
            installation = await store.Installation.FindAsync(ct),
            aliases = await store.Aliases.ListAsync(ct),
            criteria = await store.SuccessCriteria.ListAsync(ct),
            windows = await store.CreditWindows.ListAsync(ct),
            subscriptions,
            deliveries,
            audit = await store.Audit.ListAsync(1000, ct),
            connections = await store.TikTokConnections.ListAsync(ct),
            channelAdvertiser = await store.ChannelAdvertisers.FindAsync(Channel, ct),
            connectState = await store.ConnectStates.FindAsync(ConnectStateId, ct),
            actions = await Task.WhenAll(ActionIds.Select(id => store.Actions.FindAsync(id, ct))),
            actionEvents = await Task.WhenAll(ActionIds.Select(id => store.Actions.ListEventsAsync(id, ct))),
            acted = await store.Actions.ListActedAsync("cmp-1", ActedOn, ct),
            alertSubscriptions = await store.AlertSubscriptions.ListAsync(ct),
            silences = await store.AlertSubscriptions.ListSilencesAsync(ct),
            sentAlerts = await store.SentAlerts.ListRecentAsync(Channel, 100, ct),
            silenceCounts = await store.SentAlerts.ListSilenceCountsAsync(Channel, ct),
            digestNotes = await store.SentAlerts.ListDigestNotesAsync(Channel, DateOnly.MinValue, ct),
            fixes = await Task.WhenAll(new[] { OpenFixId, DoneFixId }.Select(id => store.Fixes.FindAsync(id, ct))),
            recentFixes = await store.Fixes.ListSinceAsync(DateTimeOffset.UnixEpoch, ct),
            recaps,
        });
    }

    private static string[] ActionIds => [ActionId, StaleActionId, ApprovedActionId, ExecutingActionId, DoneActionId];

    /// <summary>A fix of a finding on campaign cmp-1 (CTR at 0.8%, below its benchmark), in the digest channel's thread 1.1.</summary>
    public static FixDetails Fix(string id, string ruleId, string ownerId, string? adGroupId = null) =>
        new(id, "cmp-1", adGroupId, ruleId, "CTR below the account's", TikTokBot.Domain.Metrics.MetricId.Ctr, 0.8m, "below benchmark", ownerId, ownerId, Channel, "1740819600.000300");

    /// <summary>A budget raise on an ad group of campaign cmp-1, expiring on 2030-01-01.</summary>
    public static ActionRequestDetails Action(string id, string requestedBy, string campaignId = "cmp-1") =>
        new(id, Channel, requestedBy, "7100000000000000001", campaignId, "ag-1", ActionLevel.AdGroup, ActionKind.Budget, "+20%", "400", "480",
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
