using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Tests.Infrastructure;
using TikTokBot.Testing.External;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Storage.Tests;

/// <summary>
/// The TikTok quota's row on PostgreSQL, asked through two ledgers with their own connection pools, as two instances
/// ask it. Times are the server's: the tests compare what the ledger answers with the time it answered at.
/// </summary>
public sealed class PostgresQuotaLedgerTests : IAsyncLifetime
{
    private static readonly QuotaRules Rules = new(new TikTokQuotaOptions());
    private PostgresDatabaseUnderTest _database = null!;
    private readonly List<IAsyncDisposable> _opened = [];

    public async Task InitializeAsync()
    {
        if (!ExternalResources.IsAvailable(External.PostgreSql))
        {
            return;
        }

        _database = await PostgresDatabaseUnderTest.CreateAsync();
        await using var database = _database.Open();
        await new SchemaMigrator(database, new TikTokBot.Storage.Tests.Infrastructure.FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)), Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private PostgresQuotaLedger Instance()
    {
        var database = _database.Open();
        _opened.Add(database);
        return new PostgresQuotaLedger(database, Rules);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task Forty_calls_asked_at_once_from_two_instances_are_granted_no_closer_than_the_spacing()
    {
        var (first, second) = (Instance(), Instance());

        var takes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).TakeAsync(TikTokCallPriority.Person, default).AsTask()));

        // The row lock puts them in one line: each grant at least 110 ms after the one before, whichever instance asked.
        var grants = takes.Where(t => t.Decision.Granted).Select(t => t.Now).Order().ToArray();
        Assert.NotEmpty(grants);
        Assert.All(grants.Zip(grants.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Rules.Spacing, $"{pair.First:O} then {pair.Second:O}"));
        Assert.All(takes.Where(t => !t.Decision.Granted), t =>
        {
            Assert.Equal(QuotaWait.Pace, t.Decision.Wait);
            Assert.InRange(t.Decision.RetryAt - t.Now, TimeSpan.Zero, Rules.Spacing);
        });
        var (state, _) = await second.ReadAsync(default);
        Assert.Equal(grants.Length, state.DayUsed);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_pause_set_by_one_instance_holds_the_other_until_its_end()
    {
        var (first, second) = (Instance(), Instance());

        // A first 40100 within the minute: a brief pause, and the time of the breach kept for every instance.
        var until = await first.PauseAsync(default);
        var refused = await second.TakeAsync(TikTokCallPriority.Digest, default);

        Assert.Equal((false, QuotaWait.Paused, until), (refused.Decision.Granted, refused.Decision.Wait, refused.Decision.RetryAt));
        Assert.InRange(until - refused.Now, Rules.Options.FirstThrottlePause - TimeSpan.FromSeconds(1), Rules.Options.FirstThrottlePause);
        var (state, now) = await second.ReadAsync(default);
        Assert.Equal(until, state.PausedUntil);
        Assert.InRange(now - state.ThrottledAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        // Another 40100 at once, from the other instance: a call that was in flight, the same breach, still the brief pause.
        Assert.InRange(await second.PauseAsync(default) - now, Rules.Options.FirstThrottlePause, Rules.Options.FirstThrottlePause + TimeSpan.FromSeconds(1));
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_person_waiting_on_one_instance_keeps_an_alert_scan_on_the_other_out_of_the_next_slot()
    {
        var (asking, scanning) = (Instance(), Instance());
        Assert.True((await scanning.TakeAsync(TikTokCallPriority.AlertScan, default)).Decision.Granted);

        var person = await asking.TakeAsync(TikTokCallPriority.Person, default);
        var scan = await scanning.TakeAsync(TikTokCallPriority.AlertScan, default);

        Assert.Equal(QuotaWait.Pace, person.Decision.Wait);
        Assert.Equal(QuotaWait.MoreUrgentWaiting, scan.Decision.Wait);
        Assert.Equal(person.Decision.RetryAt + Rules.Spacing, scan.Decision.RetryAt);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task The_report_task_budget_is_a_row_of_its_own_shared_by_the_instances_and_apart_from_the_main_one()
    {
        var taskRules = new QuotaRules(new TikTokQuotaOptions().ForTasks());
        PostgresQuotaLedger Tasks()
        {
            var database = _database.Open();
            _opened.Add(database);
            return new PostgresQuotaLedger(database, taskRules) { Row = PostgresQuotaLedger.TaskRow };
        }

        var (first, second, main) = (Tasks(), Tasks(), Instance());

        var granted = await first.TakeAsync(TikTokCallPriority.Person, default);
        var paced = await second.TakeAsync(TikTokCallPriority.Person, default);
        var mainTake = await main.TakeAsync(TikTokCallPriority.Person, default);

        // Two a second and sixty a minute: the second instance's call waits its second (1 s + slack over 60), the main budget does not.
        Assert.True(granted.Decision.Granted);
        Assert.Equal((false, QuotaWait.Pace), (paced.Decision.Granted, paced.Decision.Wait));
        Assert.InRange(paced.Decision.RetryAt - paced.Now, TimeSpan.Zero, taskRules.Spacing);
        Assert.Equal((TimeSpan.FromMinutes(1) + taskRules.Options.ArrivalSlack) / 60, taskRules.Spacing);
        Assert.True(mainTake.Decision.Granted);
        Assert.Equal((1, 1), ((await second.ReadAsync(default)).State.DayUsed, (await main.ReadAsync(default)).State.DayUsed));
    }
}
