using TikTokBot.TikTok.Caching;
using System.Data.Common;
using System.Globalization;
using TikTokBot.Domain.Actions;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Tests.Infrastructure;
using TikTokBot.Storage.Workspace;
using TikTokBot.Testing.External;
using static TikTokBot.Storage.WorkspaceReadCache;

namespace TikTokBot.Storage.Tests;

/// <summary>
/// What every storage provider must do. Each provider's test class derives from this one, so both run the same
/// tests; each test gets a fresh, empty database.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<StorageDatabase> _opened = [];

    private protected DatabaseUnderTest Db { get; private set; } = null!;

    protected FixedClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private protected abstract Task<DatabaseUnderTest> CreateDatabaseAsync();

    public async Task InitializeAsync() => Db = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await Db.DisposeAsync();
    }

    public static TheoryData<int> EarlierVersions() => new(Enumerable.Range(0, SchemaMigrator.ScriptsFor("Sqlite").Count));

    [NeedsFact]
    public async Task An_empty_database_is_migrated_to_the_latest_version()
    {
        var migrator = Migrator(Open());

        var applied = await migrator.MigrateAsync(Ct);

        Assert.Equal(migrator.Migrations.Count, applied);
        Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync(Ct));
        Assert.Equal(Enumerable.Range(1, migrator.LatestVersion), await AppliedVersionsAsync());
    }

    [NeedsTheory]
    [MemberData(nameof(EarlierVersions))]
    public async Task A_database_at_an_earlier_version_is_migrated_to_the_latest_and_keeps_its_rows(int fromVersion)
    {
        var database = Open();
        var migrator = Migrator(database);
        await migrator.MigrateToAsync(fromVersion, Ct);
        Assert.Equal(fromVersion, await migrator.CurrentVersionAsync(Ct));
        if (fromVersion >= 1)
        {
            await Storage(database).ForTeam("T1").Aliases.SetAsync("launch", "cmp-1", "U1", Ct);
        }

        var applied = await Migrator(Open()).MigrateAsync(Ct);

        Assert.Equal(migrator.LatestVersion - fromVersion, applied);
        Assert.Equal(Enumerable.Range(1, migrator.LatestVersion), await AppliedVersionsAsync());
        var store = Storage(Open()).ForTeam("T1");
        Assert.Equal(fromVersion >= 1 ? "cmp-1" : null, (await store.Aliases.FindAsync("launch", Ct))?.CampaignId);
        await TeamData.SeedAsync(store, Ct);
    }

    [NeedsFact]
    public async Task Migrating_an_up_to_date_database_applies_nothing()
    {
        await Migrator(Open()).MigrateAsync(Ct);

        Assert.Equal(0, await Migrator(Open()).MigrateAsync(Ct));
    }

    [NeedsFact]
    public async Task Instances_starting_at_once_all_succeed_and_apply_each_script_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Migrator(Open())).ToList();

        var applied = await Task.WhenAll(instances.Select(migrator => Task.Run(() => migrator.MigrateAsync(Ct))));

        Assert.Equal(instances[0].LatestVersion, applied.Sum());
        Assert.Equal(Enumerable.Range(1, instances[0].LatestVersion), await AppliedVersionsAsync());
    }

    [NeedsFact]
    public async Task A_database_newer_than_the_code_is_refused_with_a_clear_message()
    {
        var migrator = Migrator(Open());
        await migrator.MigrateAsync(Ct);
        var future = migrator.LatestVersion + 1;
        await Db.ExecuteRawAsync($"INSERT INTO schema_version (version, name, applied_at) VALUES ({future}, 'from_a_newer_build', '2030-01-01T00:00:00Z');");

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => Migrator(Open()).MigrateAsync(Ct));

        Assert.Equal(future, refused.DatabaseVersion);
        Assert.Contains($"schema version {future}, newer than this build", refused.Message);
        Assert.Contains($"knows versions up to {migrator.LatestVersion}", refused.Message);
    }

    public static TheoryData<string> RepositoryMethods() => new(IsolationChecks.Keys.Order());

    [NeedsTheory]
    [MemberData(nameof(RepositoryMethods))]
    public async Task Team_A_can_neither_read_nor_change_team_B_rows(string method)
    {
        var storage = await StartAsync();
        var teamB = storage.ForTeam("TB");
        var seeded = await TeamData.SeedAsync(teamB, Ct);
        var before = await TeamData.SnapshotAsync(teamB, Ct);

        await IsolationChecks[method](storage.ForTeam("TA"), seeded);

        Assert.Equal(before, await TeamData.SnapshotAsync(teamB, Ct));
    }

    public static TheoryData<string> SettingsWrites() => new(AtomicWrites.Keys.Order());

    [NeedsTheory]
    [MemberData(nameof(SettingsWrites))]
    public async Task A_settings_write_that_fails_at_its_last_statement_leaves_nothing_half_written(string method)
    {
        var storage = await StartAsync();
        var store = storage.ForTeam("T1");
        var seeded = await TeamData.SeedAsync(store, Ct);
        var before = await TeamData.SnapshotAsync(store, Ct);
        await Db.FailEveryAuditWriteAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => AtomicWrites[method](store, seeded));

        Assert.Equal(before, await TeamData.SnapshotAsync(store, Ct));
    }

    [NeedsFact]
    public async Task Bot_tokens_are_stored_encrypted_and_read_back_as_given()
    {
        var store = (await StartAsync()).ForTeam("T1");

        await store.Installation.SaveAsync(new InstallationDetails(null, TeamData.Token, "UBOT", "UADMIN"), Ct);

        var stored = Assert.Single(await Db.QueryRawAsync<string>("SELECT bot_token FROM installations;"));
        Assert.DoesNotContain(TeamData.Token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-store-me", stored, StringComparison.Ordinal);
        Assert.Equal(TeamData.Token, (await store.Installation.FindAsync(Ct))!.BotToken);
        var audited = await Db.QueryRawAsync<string>("SELECT COALESCE(old_value, '') || COALESCE(new_value, '') FROM settings_changes;");
        Assert.DoesNotContain(audited, value => value.Contains("do-not-store-me", StringComparison.Ordinal));
    }

    [NeedsFact]
    public async Task TikTok_tokens_are_stored_encrypted_bound_to_their_team_and_never_audited()
    {
        var storage = await StartAsync();
        var store = storage.ForTeam("T1");
        await TeamData.SeedAsync(store, Ct);

        var stored = await Db.QueryRawAsync<string>("SELECT access_token FROM tiktok_connections;");
        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.DoesNotContain("do-not-store-me", value, StringComparison.Ordinal));
        Assert.Equal(TeamData.TikTokToken, (await store.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct))!.AccessToken);
        var audited = await Db.QueryRawAsync<string>("SELECT COALESCE(old_value, '') || COALESCE(new_value, '') FROM settings_changes;");
        Assert.DoesNotContain(audited, value => value.Contains("do-not-store-me", StringComparison.Ordinal));
        Assert.DoesNotContain("do-not-store-me", (await store.TikTokConnections.ListAsync(Ct))[0].ToString(), StringComparison.Ordinal);

        // A token copied into another team's row cannot be decrypted there.
        await storage.ForTeam("T2").TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails("7100000000000000009", "Other", "USD", "UTC")], "t2-token", "U9", Ct);
        await Db.ExecuteRawAsync($"UPDATE tiktok_connections SET access_token = '{stored[0]}' WHERE team_id = 'T2';");
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => storage.ForTeam("T2").TikTokConnections.FindAsync("7100000000000000009", Ct));
    }

    [NeedsFact]
    public async Task A_connection_lists_by_name_keeps_currency_and_time_zone_and_a_reconnect_replaces_token_and_clears_a_refusal()
    {
        var store = (await StartAsync()).ForTeam("T1");
        await TeamData.SeedAsync(store, Ct);
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await store.TikTokConnections.MarkTokenRefusedAsync(TeamData.AdvertiserId, Ct));
        Assert.False(await store.TikTokConnections.MarkTokenRefusedAsync(TeamData.AdvertiserId, Ct));
        var refused = (await store.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct))!;
        Assert.Equal((TikTokTokenState.Refused, (DateTimeOffset?)Clock.Now), (refused.TokenState, refused.TokenRefusedAt));

        Clock.Advance(TimeSpan.FromHours(1));
        await store.TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails(TeamData.AdvertiserId, "Tokyo Shop 2", "jpy", "Asia/Tokyo")], "fresh-token", "U2", Ct);

        var listed = await store.TikTokConnections.ListAsync(Ct);
        Assert.Equal(["LA Store", "Tokyo Shop 2"], listed.Select(c => c.Name));
        Assert.Equal(
            new TikTokConnection(TeamData.AdvertiserId, "Tokyo Shop 2", "JPY", "Asia/Tokyo", "fresh-token", "U2", Clock.Now, TikTokTokenState.Ok, null),
            listed[1]);
        Assert.Equal(("USD", "America/Los_Angeles", TeamData.TikTokToken), (listed[0].Currency, listed[0].TimeZone, listed[0].AccessToken));
        Assert.Equal(
            ("Tokyo Shop (JPY, Asia/Tokyo)", "Tokyo Shop 2 (JPY, Asia/Tokyo)", "U2"),
            (await store.Audit.ListAsync(1, Ct)).Select(c => (c.OldValue, c.NewValue, c.ChangedBy)).Single());
    }

    [NeedsFact]
    public async Task Disconnecting_forgets_the_token_and_the_channels_that_defaulted_to_it()
    {
        var store = (await StartAsync()).ForTeam("T1");
        await TeamData.SeedAsync(store, Ct);
        await store.ChannelAdvertisers.SetAsync("C0OTHER", "7100000000000000002", "U1", Ct);

        Assert.True(await store.TikTokConnections.DisconnectAsync(TeamData.AdvertiserId, "U2", Ct));

        Assert.Null(await store.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct));
        Assert.Null(await store.ChannelAdvertisers.FindAsync(TeamData.Channel, Ct));
        Assert.Equal("7100000000000000002", (await store.ChannelAdvertisers.FindAsync("C0OTHER", Ct))!.AdvertiserId);
        Assert.Single(await Db.QueryRawAsync<string>("SELECT access_token FROM tiktok_connections;"));
        Assert.False(await store.TikTokConnections.DisconnectAsync(TeamData.AdvertiserId, "U2", Ct));
    }

    [NeedsFact]
    public async Task A_connect_state_is_claimed_once_and_not_after_it_expires()
    {
        var store = (await StartAsync()).ForTeam("T1");
        await store.ConnectStates.CreateAsync("s-1", "E1", "U1", Clock.Now.AddMinutes(10), Ct);
        await store.ConnectStates.CreateAsync("s-2", null, "U1", Clock.Now.AddMinutes(10), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.ConnectStates.ClaimAsync("s-1", Ct))));

        var won = Assert.Single(claims, c => c.Outcome == ConnectStateOutcome.Claimed);
        Assert.Equal(new ConnectState("s-1", "E1", "U1", Clock.Now, Clock.Now.AddMinutes(10), Clock.Now), won.State);
        Assert.All(claims.Where(c => c != won), c => Assert.Equal(ConnectStateOutcome.AlreadyUsed, c.Outcome));
        Assert.Equal(ConnectStateOutcome.Unknown, (await store.ConnectStates.ClaimAsync("s-unknown", Ct)).Outcome);

        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ConnectStateOutcome.Expired, (await store.ConnectStates.ClaimAsync("s-2", Ct)).Outcome);
        Assert.Null((await store.ConnectStates.FindAsync("s-2", Ct))!.UsedAt);

        // A day later the spent and expired states are cleared when the next one is created.
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await store.ConnectStates.CreateAsync("s-3", null, "U1", Clock.Now.AddMinutes(10), Ct);
        Assert.Equal(["s-3"], await Db.QueryRawAsync<string>("SELECT state_id FROM tiktok_connect_states;"));
    }

    [NeedsFact]
    public async Task Everything_written_is_read_back_after_a_restart()
    {
        var firstRun = Open();
        await Migrator(firstRun).MigrateAsync(Ct);
        await TeamData.SeedAsync(Storage(firstRun).ForTeam("T1"), Ct);
        var before = await TeamData.SnapshotAsync(Storage(firstRun).ForTeam("T1"), Ct);
        await firstRun.DisposeAsync();

        var secondRun = Open();
        await Migrator(secondRun).MigrateAsync(Ct);
        var after = await TeamData.SnapshotAsync(Storage(secondRun).ForTeam("T1"), Ct);

        Assert.Equal(before, after);
        Assert.Contains(TeamData.Token, after, StringComparison.Ordinal);
    }

    [NeedsTheory]
    [InlineData("25.00")]
    [InlineData("0.01")]
    [InlineData("0.0000001")]
    [InlineData("1234567890123456.789")]
    [InlineData("79228162514264337593543950335")]
    public async Task Money_keeps_every_digit_whatever_the_culture(string written)
    {
        var amount = decimal.Parse(written, CultureInfo.InvariantCulture);
        var store = (await StartAsync()).ForTeam("T1");
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await store.SuccessCriteria.SetAsync(new SuccessCriteriaDetails("cmp-1", "Traffic", amount, 1), "U1", Ct);
            var window = await store.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, "cmp-1", amount, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)), "U1", Ct);

            var criteria = await store.SuccessCriteria.FindAsync("cmp-1", Ct);
            var readWindow = await store.CreditWindows.FindAsync(window.Id, Ct);

            Assert.Equal(written, criteria!.TargetCostPerOutcome.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(written, readWindow!.Amount.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [NeedsFact]
    public async Task Dates_and_times_are_read_back_exactly()
    {
        var store = (await StartAsync()).ForTeam("T1");
        Clock.Advance(TimeSpan.FromMicroseconds(123456));
        var window = await store.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, "cmp-1", 10m, new DateOnly(2024, 2, 29), new DateOnly(2024, 12, 31)), "U1", Ct);

        var read = await store.CreditWindows.FindAsync(window.Id, Ct);

        Assert.Equal((new DateOnly(2024, 2, 29), new DateOnly(2024, 12, 31)), (read!.StartsOn, read.ExpiresOn));
        Assert.Equal(Clock.Now, read.AddedAt);
    }

    [NeedsFact]
    public async Task Only_one_of_many_simultaneous_claims_for_a_day_wins()
    {
        var storage = await StartAsync();
        var subscription = await storage.ForTeam("T1").Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", ["cmp-1"], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2025, 3, 1);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await storage.ForTeam("T1").Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null)));

        Assert.Single(claims, claimed => claimed);
        Assert.Equal(DeliveryState.Claimed, (await storage.ForTeam("T1").Deliveries.FindAsync(subscription.Id, day, Ct))!.State);
    }

    [NeedsFact]
    public async Task A_failed_delivery_can_be_claimed_again_and_a_delivered_one_cannot()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", ["cmp-1"], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2025, 3, 1);

        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Assert.False(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Assert.True(await store.Deliveries.MarkFailedAsync(subscription.Id, day, "channel_not_found", null, Ct));
        Assert.Equal("channel_not_found", (await store.Deliveries.FindAsync(subscription.Id, day, Ct))!.Failure);
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Assert.True(await store.Deliveries.MarkDeliveredAsync(subscription.Id, day, "1740819600.000100", 1, Ct));
        Assert.False(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Assert.False(await store.Deliveries.MarkFailedAsync(subscription.Id, day, "too late", null, Ct));

        var delivery = await store.Deliveries.FindAsync(subscription.Id, day, Ct);
        Assert.Equal((DeliveryState.Delivered, "1740819600.000100", (string?)null, 2), (delivery!.State, delivery.MessageTs, delivery.Failure, delivery.Attempts));
    }

    [NeedsFact]
    public async Task A_claim_left_by_a_sender_that_died_is_taken_over_only_after_its_lease()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2025, 3, 1);
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);

        Clock.Advance(TeamData.Lease - TimeSpan.FromSeconds(1));
        Assert.False(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);

        var delivery = await store.Deliveries.FindAsync(subscription.Id, day, Ct);
        Assert.Equal((DeliveryState.Claimed, 2, Clock.Now), (delivery!.State, delivery.Attempts, delivery.ClaimedAt));
    }

    [NeedsFact]
    public async Task Parts_posted_are_remembered_with_the_first_message_so_a_retry_sends_only_the_rest()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", ["cmp-1"], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2025, 3, 1);
        Assert.False(await store.Deliveries.RecordPartsPostedAsync(subscription.Id, day, 1, "1.1", Ct));
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);

        Assert.True(await store.Deliveries.RecordPartsPostedAsync(subscription.Id, day, 1, "1.1", Ct));
        var retryAt = new DateTimeOffset(2025, 3, 1, 9, 1, 0, TimeSpan.Zero);
        Assert.True(await store.Deliveries.MarkFailedAsync(subscription.Id, day, "ratelimited", retryAt, Ct));
        Assert.Equal(retryAt, (await store.Deliveries.FindAsync(subscription.Id, day, Ct))!.NextAttemptAt);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct);
        // The claim answers with the delivery as it now stands: the retry knows the parts already in the channel.
        Assert.Equal(await store.Deliveries.FindAsync(subscription.Id, day, Ct), retried);
        Assert.Equal((DeliveryState.Claimed, 2, 1, "1.1", Clock.Now, (DateTimeOffset?)null, (string?)null),
            (retried!.State, retried.Attempts, retried.PartsPosted, retried.MessageTs, retried.ClaimedAt, retried.NextAttemptAt, retried.Failure));
        Assert.True(await store.Deliveries.RecordPartsPostedAsync(subscription.Id, day, 2, "1.2", Ct));
        Assert.True(await store.Deliveries.MarkDeliveredAsync(subscription.Id, day, "1.2", 2, Ct));

        var delivery = await store.Deliveries.FindAsync(subscription.Id, day, Ct);
        Assert.Equal((DeliveryState.Delivered, 2, "1.1", 2), (delivery!.State, delivery.PartsPosted, delivery.MessageTs, delivery.Attempts));
    }

    [NeedsFact]
    public async Task A_paused_subscription_claims_nothing_until_the_channel_subscribes_again()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var day = new DateOnly(2025, 3, 1);

        Assert.True(await store.Subscriptions.PauseAsync(subscription.Id, "is_archived", "digest", Ct));
        Assert.False(await store.Subscriptions.PauseAsync(subscription.Id, "is_archived", "digest", Ct));

        var paused = (await store.Subscriptions.FindAsync(subscription.Id, Ct))!;
        Assert.Equal(("is_archived", true, true), (paused.PausedReason, paused.IsPaused, paused.AllCampaigns));
        Assert.False(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
        Assert.Equal(("active", "paused: is_archived", "digest"), (await store.Audit.ListAsync(1, Ct)).Select(c => (c.OldValue, c.NewValue, c.ChangedBy)).Single());

        await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        Assert.False((await store.Subscriptions.FindAsync(subscription.Id, Ct))!.IsPaused);
        Assert.True(await store.Deliveries.ClaimAsync(subscription.Id, day, TeamData.Lease, Ct) is not null);
    }

    [NeedsFact]
    public async Task Subscribing_a_channel_again_replaces_its_campaigns_and_time_but_keeps_its_id_and_deliveries()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var first = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", ["cmp-1", "cmp-2"], new TimeOnly(9, 0), "Europe/Berlin"), "U1", Ct);
        await store.Deliveries.ClaimAsync(first.Id, new DateOnly(2025, 3, 1), TeamData.Lease, Ct);

        var second = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", ["cmp-3"], new TimeOnly(17, 30), "America/New_York"), "U2", Ct);

        var read = (await store.Subscriptions.FindByChannelAsync("C1", Ct))!;
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["cmp-3"], read.CampaignIds);
        Assert.Equal((new TimeOnly(17, 30), "America/New_York", "U2"), (read.LocalTime, read.TimeZone, read.SubscribedBy));
        Assert.Single(await store.Deliveries.ListAsync(first.Id, Ct));
    }

    [NeedsFact]
    public async Task Unsubscribing_stops_the_digest_and_keeps_the_record_of_deliveries()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var seeded = await TeamData.SeedAsync(store, Ct);

        Assert.True(await store.Subscriptions.UnsubscribeAsync(TeamData.Channel, "U2", Ct));

        Assert.Empty(await store.Subscriptions.ListAsync(Ct));
        Assert.Null(await store.Subscriptions.FindAsync(seeded.SubscriptionId, Ct));
        Assert.Equal(2, (await store.Deliveries.ListAsync(seeded.SubscriptionId, Ct)).Count);
        Assert.False(await store.Deliveries.ClaimAsync(seeded.SubscriptionId, new DateOnly(2025, 3, 9), TeamData.Lease, Ct) is not null);
        Assert.False(await store.Subscriptions.UnsubscribeAsync(TeamData.Channel, "U2", Ct));
    }

    [NeedsFact]
    public async Task Every_settings_change_is_audited_with_who_made_it_and_the_old_and_new_value()
    {
        var store = (await StartAsync()).ForTeam("T1");
        await store.Aliases.SetAsync("Launch", "cmp-1", "U1", Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.Aliases.SetAsync("launch", "cmp-2", "U2", Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.Aliases.RemoveAsync("LAUNCH", "U3", Ct);

        var changes = await store.Audit.ListAsync(10, Ct);

        Assert.Equal(
            [
                new SettingsChange("alias", "launch", "cmp-2", null, "U3", Clock.Now),
                new SettingsChange("alias", "launch", "cmp-1", "cmp-2", "U2", Clock.Now.AddMinutes(-5)),
                new SettingsChange("alias", "launch", null, "cmp-1", "U1", Clock.Now.AddMinutes(-10)),
            ],
            changes);
    }

    [NeedsFact]
    public async Task Aliases_match_whatever_the_case_and_surrounding_spaces()
    {
        var store = (await StartAsync()).ForTeam("T1");

        await store.Aliases.SetAsync("  Spring Sale ", "cmp-7", "U1", Ct);

        Assert.Equal("cmp-7", (await store.Aliases.FindAsync("spring sale", Ct))?.CampaignId);
        Assert.Equal("spring sale", Assert.Single(await store.Aliases.ListAsync(Ct)).Alias);
    }

    [NeedsFact]
    public async Task Teams_are_listed_once_whether_installed_subscribed_or_both()
    {
        var storage = await StartAsync();
        await TeamData.SeedAsync(storage.ForTeam("T2"), Ct);
        await storage.ForTeam("T1").Installation.SaveAsync(new InstallationDetails(null, "xoxb-t1", null, "U1"), Ct);
        await storage.ForTeam("T3").Subscriptions.SubscribeAsync(new SubscriptionDetails("C3", ["cmp-1"], new TimeOnly(8, 0), "UTC"), "U3", Ct);
        await storage.ForTeam("T4").Aliases.SetAsync("a", "cmp-1", "U4", Ct);

        Assert.Equal(["T1", "T2", "T3"], await storage.ListTeamsAsync(Ct));
    }

    [NeedsFact]
    public async Task One_alert_per_channel_campaign_rule_and_day_however_many_scans_claim_it_at_once()
    {
        var storage = await StartAsync();
        var key = new SentAlertKey("C1", "cmp-1", "CostPerResultHigh", new DateOnly(2025, 3, 1));

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => storage.ForTeam("T1").SentAlerts.TryClaimAsync(key, "adv-1", "cost 30 against target 20", hold: false, dailyCap: 10, Ct))));

        Assert.Single(claims, state => state is not null);
        Assert.Equal(SentAlertState.Claimed, await storage.ForTeam("T1").SentAlerts.TryClaimAsync(key with { LocalDate = new DateOnly(2025, 3, 2) }, "adv-1", "next day", false, 10, Ct));
        Assert.Equal(SentAlertState.Claimed, await storage.ForTeam("T1").SentAlerts.TryClaimAsync(key with { RuleId = "CtrDrop" }, "adv-1", "another rule", false, 10, Ct));
        Assert.True(await storage.ForTeam("T1").SentAlerts.MarkAsync(key, SentAlertState.Posted, "1.1", Ct));
        Assert.False(await storage.ForTeam("T1").SentAlerts.MarkAsync(key, SentAlertState.Capped, null, Ct));
        Assert.True(await storage.ForTeam("T1").SentAlerts.MarkRecoveredAsync(key, Ct));
        Assert.False(await storage.ForTeam("T1").SentAlerts.MarkRecoveredAsync(key, Ct));
        var day = await storage.ForTeam("T1").SentAlerts.ListForDayAsync("C1", key.LocalDate, Ct);
        Assert.Equal([("CostPerResultHigh", SentAlertState.Posted, "1.1", true), ("CtrDrop", SentAlertState.Claimed, (string?)null, false)],
            day.Select(a => (a.Key.RuleId, a.State, a.MessageTs, a.RecoveredAt is not null)));
    }

    [NeedsFact]
    public async Task Claims_racing_for_a_channels_day_never_pass_its_cap_and_held_alerts_take_no_place()
    {
        var storage = await StartAsync();
        var day = new DateOnly(2025, 3, 1);
        Assert.Equal(SentAlertState.Held, await storage.ForTeam("T1").SentAlerts.TryClaimAsync(new("C1", "cmp-held", "CtrDrop", day), "adv-1", "held", hold: true, dailyCap: 3, Ct));
        Assert.Equal(SentAlertState.Claimed, await storage.ForTeam("T1").SentAlerts.TryClaimAsync(new("C2", "cmp-0", "CtrDrop", day), "adv-1", "other channel", false, 1, Ct));

        // Twelve alerts of one channel and day claimed at once, as scans on several instances would, under a cap of 3.
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => storage.ForTeam("T1").SentAlerts.TryClaimAsync(new("C1", $"cmp-{i}", "FrequencyAlert", day), "adv-1", $"frequency {i}", false, 3, Ct))));

        Assert.Equal(3, claims.Count(c => c == SentAlertState.Claimed));
        Assert.Equal(9, claims.Count(c => c == SentAlertState.Capped));
        var stored = await storage.ForTeam("T1").SentAlerts.ListForDayAsync("C1", day, Ct);
        Assert.Equal((3, 9, 1), (stored.Count(a => a.State == SentAlertState.Claimed), stored.Count(a => a.State == SentAlertState.Capped), stored.Count(a => a.State == SentAlertState.Held)));
        // A posted alert keeps its place: nothing more fits that day.
        Assert.True(await storage.ForTeam("T1").SentAlerts.MarkAsync(stored.First(a => a.State == SentAlertState.Claimed).Key, SentAlertState.Posted, "1.1", Ct));
        Assert.Equal(SentAlertState.Capped, await storage.ForTeam("T1").SentAlerts.TryClaimAsync(new("C1", "cmp-late", "CtrDrop", day), "adv-1", "late", false, 3, Ct));
    }

    [NeedsFact]
    public async Task A_claim_never_posted_is_taken_over_once_after_its_lease_and_a_released_alert_records_its_message()
    {
        var storage = await StartAsync();
        var sent = storage.ForTeam("T1").SentAlerts;
        var key = new SentAlertKey("C1", "cmp-1", "FrequencyAlert", new DateOnly(2025, 3, 1));
        Assert.Equal(SentAlertState.Claimed, await sent.TryClaimAsync(key, "adv-1", "frequency 5", hold: false, dailyCap: 10, Ct));

        Assert.False(await sent.TryReclaimAsync(key, Clock.Now.AddMinutes(-10), Ct));
        Clock.Advance(TimeSpan.FromMinutes(11));
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sent.TryReclaimAsync(key, Clock.Now.AddMinutes(-10), Ct))));
        Assert.Single(takeovers, won => won);
        Assert.False(await storage.ForTeam("T2").SentAlerts.TryReclaimAsync(key, Clock.Now.AddMinutes(1), Ct));

        // Marked posted before its message exists (released after quiet hours): the message is recorded once.
        Assert.True(await sent.MarkAsync(key, SentAlertState.Posted, null, Ct));
        Assert.False(await sent.TryReclaimAsync(key, Clock.Now.AddHours(1), Ct));
        Assert.True(await sent.RecordMessageAsync(key, "1.2", Ct));
        Assert.False(await sent.RecordMessageAsync(key, "1.3", Ct));
        Assert.Equal("1.2", Assert.Single(await sent.ListForDayAsync("C1", key.LocalDate, Ct)).MessageTs);
    }

    [NeedsFact]
    public async Task Alert_subscriptions_keep_quiet_hours_and_snoozes_end_while_mutes_stay()
    {
        var storage = await StartAsync();
        var store = storage.ForTeam("T1");
        await store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails("C1", ["cmp-1", "cmp-2"], new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"), "U1", Ct);
        await store.AlertSubscriptions.SilenceAsync("cmp-1", "CtrDrop", Clock.Now.AddHours(24), "U1", Ct);
        await store.AlertSubscriptions.SilenceAsync("cmp-2", "FrequencyAlert", null, "U1", Ct);

        var subscription = (await store.AlertSubscriptions.FindAsync("C1", Ct))!;
        Assert.Equal(("cmp-1 cmp-2", new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"),
            (string.Join(' ', subscription.Details.CampaignIds), subscription.Details.QuietFrom, subscription.Details.QuietTo, subscription.Details.TimeZone));
        Assert.Equal(2, (await store.AlertSubscriptions.ListSilencesAsync(Ct)).Count);

        Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(["cmp-2"], (await store.AlertSubscriptions.ListSilencesAsync(Ct)).Select(s => s.CampaignId));
        Assert.True(await store.AlertSubscriptions.UnsubscribeAsync("C1", "U2", Ct));
        Assert.Null(await store.AlertSubscriptions.FindAsync("C1", Ct));
        Assert.Equal(["alerts", "alert silence", "alert silence", "alerts"], (await store.Audit.ListAsync(10, Ct)).Select(a => a.Setting).Reverse());
    }

    [NeedsFact]
    public async Task A_channels_critical_in_quiet_hours_choice_outlives_alerts_on_again_and_its_snoozes_mutes_and_digest_notes_are_counted_once()
    {
        var storage = await StartAsync();
        var store = storage.ForTeam("T1");
        Assert.False(await store.AlertSubscriptions.SetCriticalInQuietHoursAsync("C1", true, "U1", Ct));
        await store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails("C1", [], new TimeOnly(20, 0), new TimeOnly(8, 0), "Europe/Berlin"), "U1", Ct);
        Assert.False((await store.AlertSubscriptions.FindAsync("C1", Ct))!.Details.CriticalInQuietHours);
        Assert.True(await store.AlertSubscriptions.SetCriticalInQuietHoursAsync("C1", true, "U1", Ct));
        var again = await store.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails("C1", ["cmp-1"], new TimeOnly(21, 0), new TimeOnly(7, 0), "Europe/Berlin"), "U2", Ct);
        Assert.True(again.Details.CriticalInQuietHours);
        Assert.True(Assert.Single(await store.AlertSubscriptions.ListAsync(Ct)).Details.CriticalInQuietHours);
        Assert.Contains(await store.Audit.ListAsync(10, Ct), a => a.Setting == "alerts critical in quiet hours" && a.OldValue == "off" && a.NewValue == "on");

        await store.SentAlerts.CountSilenceAsync("C1", "CtrDrop", mute: false, Ct);
        await store.SentAlerts.CountSilenceAsync("C1", "CtrDrop", mute: false, Ct);
        await store.SentAlerts.CountSilenceAsync("C1", "NoDelivery", mute: true, Ct);
        await store.SentAlerts.CountSilenceAsync("C1", "CtrDrop", mute: true, Ct);
        await store.SentAlerts.CountSilenceAsync("C2", "NoDelivery", mute: true, Ct);
        Assert.Equal([new AlertSilenceCount("CtrDrop", 2, 1), new AlertSilenceCount("NoDelivery", 0, 1)], await store.SentAlerts.ListSilenceCountsAsync("C1", Ct));

        var day = new DateOnly(2025, 3, 1);
        Assert.True(await store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C1", "cmp-1", "FrequencyWarning", day), "Autumn", "frequency 3.2", Ct));
        Assert.False(await store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C1", "cmp-1", "FrequencyWarning", day), "Autumn", "frequency 3.4", Ct));
        Assert.True(await store.SentAlerts.NoteForDigestAsync(new SentAlertKey("C1", "cmp-1", "FrequencyWarning", day.AddDays(1)), "Autumn", "frequency 3.5", Ct));
        Assert.Equal(["frequency 3.2", "frequency 3.5"], (await store.SentAlerts.ListDigestNotesAsync("C1", day, Ct)).Select(n => n.Summary));
        Assert.Equal(["frequency 3.5"], (await store.SentAlerts.ListDigestNotesAsync("C1", day.AddDays(1), Ct)).Select(n => n.Summary));
        Assert.Empty(await store.SentAlerts.ListDigestNotesAsync("C2", day, Ct));
    }

    [NeedsFact]
    public async Task Campaign_hours_are_kept_by_source_and_day_and_days_older_than_kept_are_forgotten()
    {
        var database = Open();
        await Migrator(database).MigrateAsync(Ct);
        var hours = new CampaignHoursStore(database, Clock);
        var monday = new DateOnly(2025, 2, 24);
        var spend = new Dictionary<int, TikTokBot.Domain.Metrics.RawTotals> { [9] = new() { Spend = 12.5m, Impressions = 1000 }, [10] = new() { Spend = 14m } };
        await hours.SaveAsync("source-a", monday, new Dictionary<string, IReadOnlyDictionary<int, TikTokBot.Domain.Metrics.RawTotals>> { ["cmp-1"] = spend, ["cmp-2"] = new Dictionary<int, TikTokBot.Domain.Metrics.RawTotals>() }, monday.AddDays(-60), Ct);
        await hours.SaveAsync("source-b", monday, new Dictionary<string, IReadOnlyDictionary<int, TikTokBot.Domain.Metrics.RawTotals>> { ["cmp-1"] = new Dictionary<int, TikTokBot.Domain.Metrics.RawTotals> { [9] = new() { Spend = 99m } } }, monday.AddDays(-60), Ct);

        var kept = await hours.FindAsync("source-a", [monday, monday.AddDays(-7)], Ct);
        Assert.Equal(2, kept.Count);
        Assert.Equal((12.5m, 1000L, 14m), (kept[("cmp-1", monday)][9].Spend, kept[("cmp-1", monday)][9].Impressions, kept[("cmp-1", monday)][10].Spend));
        Assert.Empty(kept[("cmp-2", monday)]);

        // A later save forgets the source's days before its keep-from day, and only that source's.
        await hours.SaveAsync("source-a", monday.AddDays(7), new Dictionary<string, IReadOnlyDictionary<int, TikTokBot.Domain.Metrics.RawTotals>> { ["cmp-1"] = spend }, monday.AddDays(1), Ct);
        Assert.Single(await hours.FindAsync("source-a", [monday, monday.AddDays(7)], Ct));
        Assert.Equal(99m, (await hours.FindAsync("source-b", [monday], Ct))[("cmp-1", monday)][9].Spend);
    }

    [NeedsFact]
    public async Task A_fix_is_taken_handed_on_applied_and_followed_up_once()
    {
        var storage = await StartAsync();
        var fixes = storage.ForTeam("T1").Fixes;
        var taken = await fixes.TakeAsync(TeamData.Fix("fix-1", "LowCtr", "U1"), Ct);
        Assert.Equal((FixState.Open, Clock.Now, (DateOnly?)null), (taken.State, taken.TakenAt, taken.FollowUpDue));
        Assert.Equal((TikTokBot.Domain.Metrics.MetricId.Ctr, 0.8m, "below benchmark", (string?)null), (taken.Details.Metric, taken.Details.MetricValue, taken.Details.Standing, taken.Details.AdGroupId));

        // Assigned to U2 from another message: the same fix, its first thread kept; the same finding on an ad group is another fix.
        var handedOn = await fixes.TakeAsync(TeamData.Fix("fix-2", "LowCtr", "U2") with { TakenBy = "U1", ThreadTs = "9.9" }, Ct);
        Assert.Equal(("fix-1", "U2", "U1", "1740819600.000300"), (handedOn.FixId, handedOn.Details.OwnerId, handedOn.Details.TakenBy, handedOn.Details.ThreadTs));
        await fixes.TakeAsync(TeamData.Fix("fix-3", "LowCtr", "U1", adGroupId: "ag-7"), Ct);
        await fixes.TakeAsync(TeamData.Fix("fix-4", "HighCpm", "U1") with { CampaignId = "cmp-2", Metric = null, MetricValue = null }, Ct);
        Assert.Equal(["fix-3", "fix-4", "fix-1"], (await fixes.ListInProgressAsync(null, null, Ct)).Select(f => f.FixId));
        Assert.Equal(["fix-3", "fix-4"], (await fixes.ListInProgressAsync("U1", null, Ct)).Select(f => f.FixId));
        Assert.Equal(["fix-3", "fix-1"], (await fixes.ListInProgressAsync(null, "cmp-1", Ct)).Select(f => f.FixId));
        Assert.Null((await fixes.FindAsync("fix-4", Ct))!.Details.Metric);

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await fixes.MarkDoneAsync("fix-1", "U2", byAction: false, restartsLearning: false, new DateOnly(2025, 3, 4), Ct));
        Assert.False(await fixes.MarkDoneAsync("fix-1", "U2", false, false, new DateOnly(2025, 3, 4), Ct));
        Assert.True(await fixes.MarkDoneAsync("fix-3", "act-1", byAction: true, restartsLearning: true, new DateOnly(2025, 3, 11), Ct));
        var done = (await fixes.FindAsync("fix-1", Ct))!;
        Assert.Equal((FixState.Done, Clock.Now, "U2", false, new DateOnly(2025, 3, 4)), (done.State, done.DoneAt, done.DoneBy, done.RestartsLearning, done.FollowUpDue));
        Assert.Equal((FixState.ClosedByAction, true), ((await fixes.FindAsync("fix-3", Ct))!.State, (await fixes.FindAsync("fix-3", Ct))!.RestartsLearning));

        Assert.Empty(await fixes.ListFollowUpsDueAsync(new DateOnly(2025, 3, 3), Ct));
        Assert.Equal(["fix-1"], (await fixes.ListFollowUpsDueAsync(new DateOnly(2025, 3, 4), Ct)).Select(f => f.FixId));
        Assert.Equal(["fix-1", "fix-3"], (await fixes.ListFollowUpsDueAsync(new DateOnly(2025, 3, 11), Ct)).Select(f => f.FixId));

        // Six instances claim the follow-up at once: one wins; the claim is taken over once after its lease.
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => fixes.TryClaimFollowUpAsync("fix-1", Clock.Now.AddMinutes(-10), Ct))));
        Assert.Single(claims, won => won);
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await fixes.TryClaimFollowUpAsync("fix-1", Clock.Now.AddMinutes(-10), Ct));
        Assert.True(await fixes.RecordFollowUpAsync("fix-1", "Better", "CTR 0.80% -> 1.10%", Ct));
        Assert.False(await fixes.RecordFollowUpAsync("fix-1", "Worse", "again", Ct));
        Assert.False(await fixes.TryClaimFollowUpAsync("fix-1", Clock.Now.AddHours(1), Ct));
        var followed = (await fixes.FindAsync("fix-1", Ct))!;
        Assert.Equal((FixState.FollowedUp, Clock.Now, "Better", "CTR 0.80% -> 1.10%"), (followed.State, followed.FollowedUpAt, followed.Verdict, followed.VerdictNote));

        // Followed up, the finding can be taken again as a new fix.
        Assert.Equal("fix-5", (await fixes.TakeAsync(TeamData.Fix("fix-5", "LowCtr", "U3"), Ct)).FixId);
    }

    [NeedsFact]
    public async Task A_weeks_recap_is_claimed_by_one_poster_taken_over_after_its_lease_and_posted_once()
    {
        var storage = await StartAsync();
        var store = storage.ForTeam("T1");
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C1", [], new TimeOnly(9, 0), "UTC"), "U1", Ct);
        var week = new DateOnly(2025, 3, 3);

        // Six instances claim the week at once: one wins.
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.Recaps.TryClaimAsync(subscription.Id, week, TimeSpan.FromMinutes(10), Ct))));
        Assert.Single(claims, won => won);
        Assert.Null(await store.Recaps.FindPostedAsync(subscription.Id, week, Ct));

        // Its poster died: after the lease another takes it over; a failed post gives it back at once.
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await store.Recaps.TryClaimAsync(subscription.Id, week, TimeSpan.FromMinutes(10), Ct));
        await store.Recaps.ReleaseAsync(subscription.Id, week, Ct);
        Assert.True(await store.Recaps.TryClaimAsync(subscription.Id, week, TimeSpan.FromMinutes(10), Ct));
        Assert.True(await store.Recaps.MarkPostedAsync(subscription.Id, week, "1.1", Ct));
        Assert.False(await store.Recaps.MarkPostedAsync(subscription.Id, week, "1.2", Ct));
        Assert.Equal("1.1", await store.Recaps.FindPostedAsync(subscription.Id, week, Ct));

        // Posted: never claimed again, however old; the next week is its own; a paused subscription claims nothing.
        Clock.Advance(TimeSpan.FromDays(1));
        await store.Recaps.ReleaseAsync(subscription.Id, week, Ct);
        Assert.False(await store.Recaps.TryClaimAsync(subscription.Id, week, TimeSpan.FromMinutes(10), Ct));
        Assert.Equal("1.1", await store.Recaps.FindPostedAsync(subscription.Id, week, Ct));
        Assert.True(await store.Subscriptions.PauseAsync(subscription.Id, "is_archived", "TikTokBot", Ct));
        Assert.False(await store.Recaps.TryClaimAsync(subscription.Id, week.AddDays(7), TimeSpan.FromMinutes(10), Ct));
    }

    [NeedsFact]
    public async Task The_fixes_since_an_instant_are_those_in_progress_and_those_taken_applied_or_followed_up_since()
    {
        var storage = await StartAsync();
        var fixes = storage.ForTeam("T1").Fixes;
        await fixes.TakeAsync(TeamData.Fix("fix-old", "LowCtr", "U1"), Ct);
        Assert.True(await fixes.MarkDoneAsync("fix-old", "U1", false, false, new DateOnly(2025, 3, 4), Ct));
        Assert.True(await fixes.RecordFollowUpAsync("fix-old", "Better", "CTR 0.80% -> 1.10%", Ct));
        await fixes.TakeAsync(TeamData.Fix("fix-open", "HighCpm", "U1"), Ct);
        var since = Clock.Now.AddHours(1);

        // Before: the old fix followed up, the open one still in progress; after: the one followed up since, and the open one.
        Assert.Equal(["fix-old", "fix-open"], (await fixes.ListSinceAsync(Clock.Now, Ct)).Select(f => f.FixId));
        Assert.Equal(["fix-open"], (await fixes.ListSinceAsync(since, Ct)).Select(f => f.FixId));
        await fixes.TakeAsync(TeamData.Fix("fix-again", "LowCtr", "U2"), Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await fixes.MarkDoneAsync("fix-again", "U2", false, false, new DateOnly(2025, 3, 6), Ct));
        Assert.True(await fixes.RecordFollowUpAsync("fix-again", "Worse", "CTR 0.80% -> 0.60%", Ct));
        Assert.Equal(["fix-again", "fix-open"], (await fixes.ListSinceAsync(since, Ct)).Select(f => f.FixId));
    }

    [NeedsFact]
    public async Task Approving_twice_or_by_two_approvers_at_once_approves_once()
    {
        var storage = await StartAsync();
        Assert.True(await storage.ForTeam("T1").Actions.CreateAsync(TeamData.Action("act-1", "UREQ"), approved: false, Ct));

        var decisions = await Task.WhenAll(new[] { "UAPP1", "UAPP2", "UAPP1", "UAPP3" }.Select(approver =>
            Task.Run(() => storage.ForTeam("T1").Actions.TryDecideAsync("act-1", approve: true, approver, Ct))));

        Assert.Single(decisions, won => won);
        var action = (await storage.ForTeam("T1").Actions.FindAsync("act-1", Ct))!;
        Assert.Equal(ActionRequestState.Approved, action.State);
        var events = await storage.ForTeam("T1").Actions.ListEventsAsync("act-1", Ct);
        Assert.Equal(["requested", "approved"], events.Select(e => e.Event));
        Assert.Equal(action.DecidedBy, events[1].Actor);
    }

    [NeedsFact]
    public async Task A_rejected_or_expired_request_can_no_longer_be_approved()
    {
        var store = (await StartAsync()).ForTeam("T1");
        await store.Actions.CreateAsync(TeamData.Action("act-rejected", "UREQ"), false, Ct);
        await store.Actions.CreateAsync(TeamData.Action("act-expiring", "UREQ") with { ExpiresAt = Clock.Now.AddHours(24) }, false, Ct);

        Assert.True(await store.Actions.TryDecideAsync("act-rejected", approve: false, "UAPP", Ct));
        Assert.False(await store.Actions.TryDecideAsync("act-rejected", approve: true, "UAPP2", Ct));
        Assert.False(await store.Actions.TryExpireAsync("act-expiring", Ct));
        Clock.Advance(TimeSpan.FromHours(24));
        Assert.False(await store.Actions.TryDecideAsync("act-expiring", approve: true, "UAPP", Ct));
        Assert.True(await store.Actions.TryExpireAsync("act-expiring", Ct));

        Assert.Equal(ActionRequestState.Rejected, (await store.Actions.FindAsync("act-rejected", Ct))!.State);
        Assert.Equal(ActionRequestState.Expired, (await store.Actions.FindAsync("act-expiring", Ct))!.State);
    }

    [NeedsFact]
    public async Task Of_many_simultaneous_starts_one_executes_and_the_campaigns_daily_limit_holds()
    {
        var storage = await StartAsync();
        var day = new DateOnly(2025, 3, 1);
        foreach (var i in Enumerable.Range(1, 4))
        {
            await storage.ForTeam("T1").Actions.CreateAsync(TeamData.Action($"act-{i}", "U1"), approved: true, Ct);
        }

        var sameAction = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => storage.ForTeam("T1").Actions.TryStartAsync("act-1", day, 3, "U1", Ct))));
        var others = await Task.WhenAll(new[] { "act-2", "act-3", "act-4" }.Select(id => Task.Run(() => storage.ForTeam("T1").Actions.TryStartAsync(id, day, 3, "U1", Ct))));

        Assert.Single(sameAction, won => won);
        Assert.Equal(2, others.Count(won => won));
        Assert.Equal(3, (await storage.ForTeam("T1").Actions.ListActedAsync("cmp-1", day, Ct)).Count);
        Assert.Empty(await storage.ForTeam("T1").Actions.ListActedAsync("cmp-1", day.AddDays(1), Ct));
    }

    [NeedsFact]
    public async Task A_timed_out_write_goes_back_to_approved_flagged_uncertain_and_is_done_once()
    {
        var store = (await StartAsync()).ForTeam("T1");
        var day = new DateOnly(2025, 3, 1);
        await store.Actions.CreateAsync(TeamData.Action("act-1", "U1"), approved: true, Ct);
        Assert.True(await store.Actions.TryStartAsync("act-1", day, 5, "U1", Ct));

        Assert.True(await store.Actions.MarkUncertainAsync("act-1", "no answer within 20 s", Ct));
        var uncertain = (await store.Actions.FindAsync("act-1", Ct))!;
        Assert.Equal((ActionRequestState.Approved, true, 1, (DateOnly?)null), (uncertain.State, uncertain.WriteUncertain, uncertain.Attempts, uncertain.ActedOn));
        Assert.Empty(await store.Actions.ListActedAsync("cmp-1", day, Ct));

        Assert.True(await store.Actions.TryStartAsync("act-1", day, 5, "U1", Ct));
        Assert.True(await store.Actions.MarkDoneAsync("act-1", "tt-42", """{"budget":400}""", """{"budget":480}""", "U1", Ct));
        Assert.False(await store.Actions.MarkDoneAsync("act-1", "tt-43", "{}", "{}", "U1", Ct));
        Assert.False(await store.Actions.CreateAsync(TeamData.Action("act-1", "U9"), approved: true, Ct));

        var done = (await store.Actions.FindAsync("act-1", Ct))!;
        Assert.Equal((ActionRequestState.Done, false, 2, "tt-42", (DateOnly?)day, "U1"), (done.State, done.WriteUncertain, done.Attempts, done.TikTokRequestId, done.ActedOn, done.Details.RequestedBy));
        Assert.Equal("""{"budget":480}""", done.AfterJson);
        Assert.True(await store.Actions.MarkUndoneAsync("act-1", "act-2", "U1", Ct));
        Assert.Equal(("act-2", ActionRequestState.Undone), ((await store.Actions.FindAsync("act-1", Ct))!.UndoneById, (await store.Actions.FindAsync("act-1", Ct))!.State));
        Assert.Equal(["requested and approved (no approval needed)", "executing", "write timed out; TikTok may have applied it", "executing", "done", "undone"],
            (await store.Actions.ListEventsAsync("act-1", Ct)).Select(e => e.Event));
    }

    [NeedsFact]
    public async Task Each_kind_level_and_state_is_stored_as_its_word_and_read_back_as_its_enum()
    {
        var store = (await StartAsync()).ForTeam("T1");
        (string Id, ActionKind Kind, ActionLevel Level)[] asked = [("act-b", ActionKind.Budget, ActionLevel.AdGroup), ("act-p", ActionKind.Pause, ActionLevel.Campaign), ("act-r", ActionKind.Resume, ActionLevel.AdGroup)];
        foreach (var (id, kind, level) in asked)
        {
            Assert.True(await store.Actions.CreateAsync(TeamData.Action(id, "U1") with { Kind = kind, Level = level }, approved: false, Ct));
        }

        Assert.True(await store.Actions.TryDecideAsync("act-r", approve: false, "U2", Ct));

        var read = await Task.WhenAll(asked.Select(a => store.Actions.FindAsync(a.Id, Ct)));
        Assert.Equal(asked.Select(a => (a.Kind, a.Level)), read.Select(a => (a!.Details.Kind, a.Details.Level)));
        Assert.Equal([ActionRequestState.Requested, ActionRequestState.Requested, ActionRequestState.Rejected], read.Select(a => a!.State));
        // The columns hold the words rows were always written with (the schema's CHECK constraints allow no others).
        Assert.Equal(["adgroup budget requested", "campaign pause requested", "adgroup resume rejected"],
            await Db.QueryRawAsync<string>("SELECT level || ' ' || kind || ' ' || state FROM action_requests ORDER BY id;"));
        Assert.StartsWith("pause campaign ag-1: 400 -> 480", (await store.Actions.ListEventsAsync("act-p", Ct))[0].Detail);
    }

    /// <summary>Team A calls each method with team B's identifiers: it sees nothing of B's, and B's rows stay as they were.</summary>
    internal static readonly Dictionary<string, Func<IWorkspaceStore, SeededTeam, Task>> IsolationChecks = new()
    {
        ["Installation.SaveAsync"] = async (a, _) =>
        {
            await a.Installation.SaveAsync(new InstallationDetails("E01", "xoxb-team-a", "UBOT-A", "UA"), Ct);
            Assert.Equal("xoxb-team-a", (await a.Installation.FindAsync(Ct))!.BotToken);
        },
        ["Installation.FindAsync"] = async (a, _) => Assert.Null(await a.Installation.FindAsync(Ct)),
        ["Installation.DeleteAsync"] = async (a, _) => Assert.False(await a.Installation.DeleteAsync("UA", Ct)),
        ["Aliases.SetAsync"] = async (a, _) =>
        {
            await a.Aliases.SetAsync("launch", "cmp-a", "UA", Ct);
            Assert.Equal("cmp-a", (await a.Aliases.FindAsync("launch", Ct))!.CampaignId);
        },
        ["Aliases.FindAsync"] = async (a, _) => Assert.Null(await a.Aliases.FindAsync("launch", Ct)),
        ["Aliases.ListAsync"] = async (a, _) => Assert.Empty(await a.Aliases.ListAsync(Ct)),
        ["Aliases.RemoveAsync"] = async (a, _) => Assert.False(await a.Aliases.RemoveAsync("launch", "UA", Ct)),
        ["SuccessCriteria.SetAsync"] = async (a, _) =>
        {
            await a.SuccessCriteria.SetAsync(new SuccessCriteriaDetails("cmp-1", "Traffic", 1m, 1), "UA", Ct);
            Assert.Equal(1m, (await a.SuccessCriteria.FindAsync("cmp-1", Ct))!.TargetCostPerOutcome);
        },
        ["SuccessCriteria.FindAsync"] = async (a, _) => Assert.Null(await a.SuccessCriteria.FindAsync("cmp-1", Ct)),
        ["SuccessCriteria.ListAsync"] = async (a, _) => Assert.Empty(await a.SuccessCriteria.ListAsync(Ct)),
        ["SuccessCriteria.RemoveAsync"] = async (a, _) => Assert.False(await a.SuccessCriteria.RemoveAsync("cmp-1", "UA", Ct)),
        ["CreditWindows.AddAsync"] = async (a, _) =>
        {
            await a.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Advertiser, "adv-9", 1m, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2)), "UA", Ct);
            Assert.Single(await a.CreditWindows.ListAsync(Ct));
        },
        ["CreditWindows.FindAsync"] = async (a, b) => Assert.Null(await a.CreditWindows.FindAsync(b.CreditWindowId, Ct)),
        ["CreditWindows.ListAsync"] = async (a, _) => Assert.Empty(await a.CreditWindows.ListAsync(Ct)),
        ["CreditWindows.RemoveAsync"] = async (a, b) => Assert.False(await a.CreditWindows.RemoveAsync(b.CreditWindowId, "UA", Ct)),
        ["Subscriptions.SubscribeAsync"] = async (a, b) =>
        {
            var own = await a.Subscriptions.SubscribeAsync(new SubscriptionDetails(TeamData.Channel, ["cmp-a"], new TimeOnly(7, 0), "UTC"), "UA", Ct);
            Assert.NotEqual(b.SubscriptionId, own.Id);
        },
        ["Subscriptions.FindAsync"] = async (a, b) => Assert.Null(await a.Subscriptions.FindAsync(b.SubscriptionId, Ct)),
        ["Subscriptions.FindByChannelAsync"] = async (a, _) => Assert.Null(await a.Subscriptions.FindByChannelAsync(TeamData.Channel, Ct)),
        ["Subscriptions.FindChannelAsync"] = async (a, b) => Assert.Null(await a.Subscriptions.FindChannelAsync(b.SubscriptionId, Ct)),
        ["Subscriptions.ListAsync"] = async (a, _) => Assert.Empty(await a.Subscriptions.ListAsync(Ct)),
        ["Subscriptions.UnsubscribeAsync"] = async (a, _) => Assert.False(await a.Subscriptions.UnsubscribeAsync(TeamData.Channel, "UA", Ct)),
        ["Subscriptions.PauseAsync"] = async (a, b) => Assert.False(await a.Subscriptions.PauseAsync(b.SubscriptionId, "is_archived", "UA", Ct)),
        ["Deliveries.ClaimAsync"] = async (a, b) =>
        {
            Assert.False(await a.Deliveries.ClaimAsync(b.SubscriptionId, new DateOnly(2025, 3, 3), TeamData.Lease, Ct) is not null);
            Assert.False(await a.Deliveries.ClaimAsync(b.SubscriptionId, b.ClaimedOn, TeamData.Lease, Ct) is not null);
        },
        ["Deliveries.MarkDeliveredAsync"] = async (a, b) => Assert.False(await a.Deliveries.MarkDeliveredAsync(b.SubscriptionId, b.ClaimedOn, "1.2", 1, Ct)),
        ["Deliveries.MarkFailedAsync"] = async (a, b) => Assert.False(await a.Deliveries.MarkFailedAsync(b.SubscriptionId, b.ClaimedOn, "boom", null, Ct)),
        ["Deliveries.RecordPartsPostedAsync"] = async (a, b) => Assert.False(await a.Deliveries.RecordPartsPostedAsync(b.SubscriptionId, b.ClaimedOn, 1, "1.2", Ct)),
        ["Deliveries.FindAsync"] = async (a, b) => Assert.Null(await a.Deliveries.FindAsync(b.SubscriptionId, b.DeliveredOn, Ct)),
        ["Deliveries.ListAsync"] = async (a, b) => Assert.Empty(await a.Deliveries.ListAsync(b.SubscriptionId, Ct)),
        ["Audit.ListAsync"] = async (a, _) => Assert.Empty(await a.Audit.ListAsync(100, Ct)),
        ["TikTokConnections.ConnectAsync"] = async (a, _) =>
        {
            await a.TikTokConnections.ConnectAsync([new TikTokAdvertiserDetails(TeamData.AdvertiserId, "A's view", "EUR", "Europe/Paris")], "team-a-token", "UA", Ct);
            Assert.Equal(("team-a-token", "EUR"), ((await a.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct))!.AccessToken, (await a.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct))!.Currency));
        },
        ["TikTokConnections.FindAsync"] = async (a, _) => Assert.Null(await a.TikTokConnections.FindAsync(TeamData.AdvertiserId, Ct)),
        ["TikTokConnections.ListAsync"] = async (a, _) => Assert.Empty(await a.TikTokConnections.ListAsync(Ct)),
        ["TikTokConnections.DisconnectAsync"] = async (a, _) => Assert.False(await a.TikTokConnections.DisconnectAsync(TeamData.AdvertiserId, "UA", Ct)),
        ["TikTokConnections.MarkTokenRefusedAsync"] = async (a, _) => Assert.False(await a.TikTokConnections.MarkTokenRefusedAsync(TeamData.AdvertiserId, Ct)),
        ["ConnectStates.CreateAsync"] = async (a, b) =>
        {
            await a.ConnectStates.CreateAsync(b.ConnectStateId, null, "UA", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Ct);
            Assert.Equal("UA", (await a.ConnectStates.FindAsync(b.ConnectStateId, Ct))!.UserId);
        },
        ["ConnectStates.FindAsync"] = async (a, b) => Assert.Null(await a.ConnectStates.FindAsync(b.ConnectStateId, Ct)),
        ["ConnectStates.ClaimAsync"] = async (a, b) => Assert.Equal(ConnectStateOutcome.Unknown, (await a.ConnectStates.ClaimAsync(b.ConnectStateId, Ct)).Outcome),
        ["ChannelAdvertisers.SetAsync"] = async (a, _) =>
        {
            await a.ChannelAdvertisers.SetAsync(TeamData.Channel, "7100000000000000009", "UA", Ct);
            Assert.Equal("7100000000000000009", (await a.ChannelAdvertisers.FindAsync(TeamData.Channel, Ct))!.AdvertiserId);
        },
        ["ChannelAdvertisers.FindAsync"] = async (a, _) => Assert.Null(await a.ChannelAdvertisers.FindAsync(TeamData.Channel, Ct)),
        ["ChannelAdvertisers.RemoveAsync"] = async (a, _) => Assert.False(await a.ChannelAdvertisers.RemoveAsync(TeamData.Channel, "UA", Ct)),
        ["Actions.CreateAsync"] = async (a, _) =>
        {
            // The same action id in another team is another action.
            Assert.True(await a.Actions.CreateAsync(TeamData.Action(TeamData.ActionId, "UA"), approved: false, Ct));
            Assert.Equal("UA", (await a.Actions.FindAsync(TeamData.ActionId, Ct))!.Details.RequestedBy);
        },
        ["Actions.FindAsync"] = async (a, _) => Assert.Null(await a.Actions.FindAsync(TeamData.ActionId, Ct)),
        ["Actions.TryDecideAsync"] = async (a, _) => Assert.False(await a.Actions.TryDecideAsync(TeamData.ActionId, true, "UA", Ct)),
        ["Actions.TryExpireAsync"] = async (a, _) => Assert.False(await a.Actions.TryExpireAsync(TeamData.StaleActionId, Ct)),
        ["Actions.TryStartAsync"] = async (a, _) => Assert.False(await a.Actions.TryStartAsync(TeamData.ApprovedActionId, TeamData.ActedOn, 5, "UA", Ct)),
        ["Actions.MarkUncertainAsync"] = async (a, _) => Assert.False(await a.Actions.MarkUncertainAsync(TeamData.ExecutingActionId, "timeout", Ct)),
        ["Actions.MarkDoneAsync"] = async (a, _) => Assert.False(await a.Actions.MarkDoneAsync(TeamData.ExecutingActionId, "req", "{}", "{}", "UA", Ct)),
        ["Actions.MarkFailedAsync"] = async (a, _) => Assert.False(await a.Actions.MarkFailedAsync(TeamData.ExecutingActionId, "boom", "UA", Ct)),
        ["Actions.MarkUndoneAsync"] = async (a, _) => Assert.False(await a.Actions.MarkUndoneAsync(TeamData.DoneActionId, "act-x", "UA", Ct)),
        ["Actions.ListActedAsync"] = async (a, _) => Assert.Empty(await a.Actions.ListActedAsync("cmp-1", TeamData.ActedOn, Ct)),
        ["Actions.ListEventsAsync"] = async (a, _) => Assert.Empty(await a.Actions.ListEventsAsync(TeamData.DoneActionId, Ct)),
        ["AlertSubscriptions.SubscribeAsync"] = async (a, _) =>
        {
            await a.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(TeamData.Channel, [], null, null, "UTC"), "UA", Ct);
            Assert.Empty((await a.AlertSubscriptions.FindAsync(TeamData.Channel, Ct))!.Details.CampaignIds);
        },
        ["AlertSubscriptions.UnsubscribeAsync"] = async (a, _) => Assert.False(await a.AlertSubscriptions.UnsubscribeAsync(TeamData.Channel, "UA", Ct)),
        ["AlertSubscriptions.FindAsync"] = async (a, _) => Assert.Null(await a.AlertSubscriptions.FindAsync(TeamData.Channel, Ct)),
        ["AlertSubscriptions.ListAsync"] = async (a, _) => Assert.Empty(await a.AlertSubscriptions.ListAsync(Ct)),
        ["AlertSubscriptions.SilenceAsync"] = async (a, _) =>
        {
            await a.AlertSubscriptions.SilenceAsync("cmp-1", "CtrDrop", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), "UA", Ct);
            Assert.Single(await a.AlertSubscriptions.ListSilencesAsync(Ct));
        },
        ["AlertSubscriptions.UnsilenceAsync"] = async (a, _) => Assert.False(await a.AlertSubscriptions.UnsilenceAsync("cmp-1", "CtrDrop", "UA", Ct)),
        ["AlertSubscriptions.ListSilencesAsync"] = async (a, _) => Assert.Empty(await a.AlertSubscriptions.ListSilencesAsync(Ct)),
        ["AlertSubscriptions.SetCriticalInQuietHoursAsync"] = async (a, _) => Assert.False(await a.AlertSubscriptions.SetCriticalInQuietHoursAsync(TeamData.Channel, false, "UA", Ct)),
        ["SentAlerts.CountSilenceAsync"] = async (a, _) =>
        {
            await a.SentAlerts.CountSilenceAsync(TeamData.Channel, "CtrDrop", mute: false, Ct);
            Assert.Equal(new AlertSilenceCount("CtrDrop", 1, 0), Assert.Single(await a.SentAlerts.ListSilenceCountsAsync(TeamData.Channel, Ct)));
        },
        ["SentAlerts.ListSilenceCountsAsync"] = async (a, _) => Assert.Empty(await a.SentAlerts.ListSilenceCountsAsync(TeamData.Channel, Ct)),
        ["SentAlerts.NoteForDigestAsync"] = async (a, _) =>
        {
            // Team B's note under the same key does not stop team A's.
            Assert.True(await a.SentAlerts.NoteForDigestAsync(TeamData.SentAlert with { RuleId = "FrequencyWarning" }, "A's campaign", "A's note", Ct));
            Assert.Equal("A's note", Assert.Single(await a.SentAlerts.ListDigestNotesAsync(TeamData.Channel, DateOnly.MinValue, Ct)).Summary);
        },
        ["SentAlerts.ListDigestNotesAsync"] = async (a, _) => Assert.Empty(await a.SentAlerts.ListDigestNotesAsync(TeamData.Channel, DateOnly.MinValue, Ct)),
        ["SentAlerts.TryClaimAsync"] = async (a, _) =>
        {
            // The same key in another team is another alert: team B's claim does not block team A's, and B's two alerts of
            // that channel and day do not count against A's cap of one.
            Assert.Equal(SentAlertState.Claimed, await a.SentAlerts.TryClaimAsync(TeamData.SentAlert, TeamData.AdvertiserId, "A's alert", hold: false, dailyCap: 1, Ct));
            Assert.Equal("A's alert", Assert.Single(await a.SentAlerts.ListRecentAsync(TeamData.Channel, 10, Ct)).Summary);
        },
        ["SentAlerts.MarkAsync"] = async (a, _) => Assert.False(await a.SentAlerts.MarkAsync(TeamData.ClaimedAlert, SentAlertState.Posted, "1.2", Ct)),
        ["SentAlerts.MarkRecoveredAsync"] = async (a, _) => Assert.False(await a.SentAlerts.MarkRecoveredAsync(TeamData.SentAlert, Ct)),
        ["SentAlerts.TryReclaimAsync"] = async (a, _) =>
            Assert.False(await a.SentAlerts.TryReclaimAsync(TeamData.ClaimedAlert, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Ct)),
        ["SentAlerts.RecordMessageAsync"] = async (a, _) => Assert.False(await a.SentAlerts.RecordMessageAsync(TeamData.SentAlert, "9.9", Ct)),
        ["SentAlerts.ListForDayAsync"] = async (a, _) => Assert.Empty(await a.SentAlerts.ListForDayAsync(TeamData.Channel, TeamData.SentAlert.LocalDate, Ct)),
        ["SentAlerts.ListRecentAsync"] = async (a, _) => Assert.Empty(await a.SentAlerts.ListRecentAsync(TeamData.Channel, 10, Ct)),
        ["Fixes.TakeAsync"] = async (a, _) =>
        {
            // Team B's fix in progress on the same finding is not A's: A gets a fix of its own, B's keeps its owner.
            var fix = await a.Fixes.TakeAsync(TeamData.Fix("fix-a", "LowCtr", "UA"), Ct);
            Assert.Equal(("fix-a", "UA", FixState.Open), (fix.FixId, fix.Details.OwnerId, fix.State));
        },
        ["Fixes.FindAsync"] = async (a, _) => Assert.Null(await a.Fixes.FindAsync(TeamData.OpenFixId, Ct)),
        ["Fixes.MarkDoneAsync"] = async (a, _) => Assert.False(await a.Fixes.MarkDoneAsync(TeamData.OpenFixId, "UA", false, false, TeamData.ActedOn, Ct)),
        ["Fixes.ListInProgressAsync"] = async (a, _) => Assert.Empty(await a.Fixes.ListInProgressAsync(null, null, Ct)),
        ["Fixes.ListFollowUpsDueAsync"] = async (a, _) => Assert.Empty(await a.Fixes.ListFollowUpsDueAsync(new DateOnly(2030, 1, 1), Ct)),
        ["Fixes.TryClaimFollowUpAsync"] = async (a, _) => Assert.False(await a.Fixes.TryClaimFollowUpAsync(TeamData.DoneFixId, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Ct)),
        ["Fixes.RecordFollowUpAsync"] = async (a, _) => Assert.False(await a.Fixes.RecordFollowUpAsync(TeamData.DoneFixId, "Better", "CTR 0.80% -> 1.10%", Ct)),
        ["Fixes.ListSinceAsync"] = async (a, _) => Assert.Empty(await a.Fixes.ListSinceAsync(DateTimeOffset.UnixEpoch, Ct)),
        ["Recaps.TryClaimAsync"] = async (a, b) => Assert.False(await a.Recaps.TryClaimAsync(b.SubscriptionId, TeamData.ClaimedRecapWeek.AddDays(7), TimeSpan.Zero, Ct)),
        ["Recaps.MarkPostedAsync"] = async (a, b) => Assert.False(await a.Recaps.MarkPostedAsync(b.SubscriptionId, TeamData.ClaimedRecapWeek, "9.9", Ct)),
        ["Recaps.ReleaseAsync"] = async (a, b) => await a.Recaps.ReleaseAsync(b.SubscriptionId, TeamData.ClaimedRecapWeek, Ct),
        ["Recaps.FindPostedAsync"] = async (a, b) => Assert.Null(await a.Recaps.FindPostedAsync(b.SubscriptionId, TeamData.PostedRecapWeek, Ct)),
    };

    /// <summary>Every settings write, each changing rows that the seeded team already has.</summary>
    internal static readonly Dictionary<string, Func<IWorkspaceStore, SeededTeam, Task>> AtomicWrites = new()
    {
        ["Installation.SaveAsync"] = (s, _) => s.Installation.SaveAsync(new InstallationDetails("E02", "xoxb-new", "UBOT2", "U2"), Ct),
        ["Installation.DeleteAsync"] = (s, _) => s.Installation.DeleteAsync("U2", Ct),
        ["Aliases.SetAsync"] = (s, _) => s.Aliases.SetAsync("launch", "cmp-9", "U2", Ct),
        ["Aliases.RemoveAsync"] = (s, _) => s.Aliases.RemoveAsync("launch", "U2", Ct),
        ["SuccessCriteria.SetAsync"] = (s, _) => s.SuccessCriteria.SetAsync(new SuccessCriteriaDetails("cmp-1", "Traffic", 3m, 9), "U2", Ct),
        ["SuccessCriteria.RemoveAsync"] = (s, _) => s.SuccessCriteria.RemoveAsync("cmp-1", "U2", Ct),
        ["CreditWindows.AddAsync"] = (s, _) => s.CreditWindows.AddAsync(new CreditWindowDetails(CreditScope.Campaign, "cmp-1", 5m, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1)), "U2", Ct),
        ["CreditWindows.RemoveAsync"] = (s, b) => s.CreditWindows.RemoveAsync(b.CreditWindowId, "U2", Ct),
        ["Subscriptions.SubscribeAsync"] = (s, _) => s.Subscriptions.SubscribeAsync(new SubscriptionDetails(TeamData.Channel, ["cmp-3", "cmp-4", "cmp-5"], new TimeOnly(6, 15), "Asia/Tokyo"), "U2", Ct),
        ["Subscriptions.UnsubscribeAsync"] = (s, _) => s.Subscriptions.UnsubscribeAsync(TeamData.Channel, "U2", Ct),
        ["Subscriptions.PauseAsync"] = (s, b) => s.Subscriptions.PauseAsync(b.SubscriptionId, "channel_not_found", "digest", Ct),
        ["TikTokConnections.ConnectAsync"] = (s, _) => s.TikTokConnections.ConnectAsync(
            [new TikTokAdvertiserDetails("7100000000000000005", "New One", "BRL", "America/Sao_Paulo"), new TikTokAdvertiserDetails(TeamData.AdvertiserId, "Renamed", "JPY", "Asia/Tokyo")],
            "another-token", "U2", Ct),
        ["TikTokConnections.DisconnectAsync"] = (s, _) => s.TikTokConnections.DisconnectAsync(TeamData.AdvertiserId, "U2", Ct),
        ["TikTokConnections.MarkTokenRefusedAsync"] = (s, _) => s.TikTokConnections.MarkTokenRefusedAsync(TeamData.AdvertiserId, Ct),
        ["ChannelAdvertisers.SetAsync"] = (s, _) => s.ChannelAdvertisers.SetAsync(TeamData.Channel, "7100000000000000002", "U2", Ct),
        ["ChannelAdvertisers.RemoveAsync"] = (s, _) => s.ChannelAdvertisers.RemoveAsync(TeamData.Channel, "U2", Ct),
        ["Actions.CreateAsync"] = (s, _) => s.Actions.CreateAsync(TeamData.Action("act-new", "U2"), approved: true, Ct),
        ["Actions.TryDecideAsync"] = (s, _) => s.Actions.TryDecideAsync(TeamData.ActionId, true, "U2", Ct),
        ["Actions.TryExpireAsync"] = (s, _) => s.Actions.TryExpireAsync(TeamData.StaleActionId, Ct),
        ["Actions.TryStartAsync"] = (s, _) => s.Actions.TryStartAsync(TeamData.ApprovedActionId, TeamData.ActedOn, 5, "U2", Ct),
        ["Actions.MarkUncertainAsync"] = (s, _) => s.Actions.MarkUncertainAsync(TeamData.ExecutingActionId, "timeout", Ct),
        ["Actions.MarkDoneAsync"] = (s, _) => s.Actions.MarkDoneAsync(TeamData.ExecutingActionId, "req", "{}", "{}", "U2", Ct),
        ["Actions.MarkFailedAsync"] = (s, _) => s.Actions.MarkFailedAsync(TeamData.ExecutingActionId, "boom", "U2", Ct),
        ["Actions.MarkUndoneAsync"] = (s, _) => s.Actions.MarkUndoneAsync(TeamData.DoneActionId, "act-x", "U2", Ct),
        ["AlertSubscriptions.SubscribeAsync"] = (s, _) => s.AlertSubscriptions.SubscribeAsync(new AlertSubscriptionDetails(TeamData.Channel, [], null, null, "UTC"), "U2", Ct),
        ["AlertSubscriptions.UnsubscribeAsync"] = (s, _) => s.AlertSubscriptions.UnsubscribeAsync(TeamData.Channel, "U2", Ct),
        ["AlertSubscriptions.SilenceAsync"] = (s, _) => s.AlertSubscriptions.SilenceAsync("cmp-1", "CtrDrop", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), "U2", Ct),
        ["AlertSubscriptions.UnsilenceAsync"] = (s, _) => s.AlertSubscriptions.UnsilenceAsync("cmp-1", "CtrDrop", "U2", Ct),
        ["AlertSubscriptions.SetCriticalInQuietHoursAsync"] = (s, _) => s.AlertSubscriptions.SetCriticalInQuietHoursAsync(TeamData.Channel, false, "U2", Ct),
    };

    private StorageDatabase Open()
    {
        var database = Db.Open();
        _opened.Add(database);
        return database;
    }

    [NeedsFact]
    public async Task Settings_read_through_the_read_cache_are_fresh_after_a_write_here_and_within_the_freshness_after_one_elsewhere()
    {
        var here = await StartAsync();
        var hereReads = new WorkspaceReadCache(new ReportCache(Clock), new StorageOptions());
        var elsewhere = new WorkspaceStorage(Open(), Db.DataProtection(), Clock, new WorkspaceReadCache(new ReportCache(Clock), new StorageOptions()));
        var hereStorage = new WorkspaceStorage(Open(), Db.DataProtection(), Clock, hereReads);
        var reads = 0;
        Task<string> AliasesHere() => hereReads.ReadAsync(new WorkspaceReadKey("T1", WorkspaceReadKind.Aliases), async () =>
        {
            reads++;
            return string.Join(',', (await here.ForTeam("T1").Aliases.ListAsync(Ct)).Select(a => $"{a.Alias}={a.CampaignId}"));
        });

        Assert.Equal("", await AliasesHere());
        Assert.Equal("", await AliasesHere());
        Assert.Equal(1, reads);

        // Another instance's write is seen once this one's read is 5 s old, not before.
        await elsewhere.ForTeam("T1").Aliases.SetAsync("launch", "cmp-1", "U1", Ct);
        Assert.Equal("", await AliasesHere());
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("launch=cmp-1", await AliasesHere());
        Assert.Equal(2, reads);

        // This instance's own write is seen at once, and only by its own team.
        await hereStorage.ForTeam("T1").Aliases.SetAsync("summer", "cmp-2", "U1", Ct);
        Assert.Equal("launch=cmp-1,summer=cmp-2", await AliasesHere());
        await hereStorage.ForTeam("T2").Aliases.SetAsync("other", "cmp-9", "U1", Ct);
        Assert.Equal("launch=cmp-1,summer=cmp-2", await AliasesHere());
        Assert.Equal(3, reads);

        // Zero freshness reads every time.
        var uncached = new WorkspaceReadCache(new ReportCache(Clock), new StorageOptions { SettingsFreshFor = TimeSpan.Zero });
        var uncachedReads = 0;
        for (var i = 0; i < 3; i++)
        {
            await uncached.ReadAsync(new WorkspaceReadKey("T1", WorkspaceReadKind.Aliases), () => Task.FromResult((uncachedReads++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(3, uncachedReads);
    }

    [NeedsFact]
    public async Task A_read_that_raced_a_write_is_answered_once_and_not_kept()
    {
        var cache = new WorkspaceReadCache(new ReportCache(Clock), new StorageOptions());
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = cache.ReadAsync(new WorkspaceReadKey("T1", WorkspaceReadKind.Aliases), () => release.Task);
        cache.Changed("T1");
        release.SetResult("before the write");

        Assert.Equal("before the write", await racing);
        Assert.Equal("after the write", await cache.ReadAsync(new WorkspaceReadKey("T1", WorkspaceReadKind.Aliases), () => Task.FromResult("after the write")));
    }

    private SchemaMigrator Migrator(StorageDatabase database) => new(database, Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);

    private WorkspaceStorage Storage(StorageDatabase database) => new(database, Db.DataProtection(), Clock, new WorkspaceReadCache(new ReportCache(Clock), new StorageOptions { SettingsFreshFor = TimeSpan.Zero }));

    private async Task<WorkspaceStorage> StartAsync()
    {
        var database = Open();
        await Migrator(database).MigrateAsync(Ct);
        return Storage(database);
    }

    private Task<IReadOnlyList<int>> AppliedVersionsAsync() => Db.QueryRawAsync<int>("SELECT version FROM schema_version ORDER BY version;");
}
