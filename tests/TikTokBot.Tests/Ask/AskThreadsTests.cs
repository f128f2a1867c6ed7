using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Ask;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Ask;

public sealed class AskThreadsTests
{
    private static readonly AskThreadState About42 = new(AskIntent.Summary, "1800000000000042", Period.Default);

    private static (AskThreads Threads, FakeTimeProvider Clock) Create(int maxThreads = 3, int idleMinutes = 120)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        return (new AskThreads(Options.Create(new AskOptions { MaxThreads = maxThreads, ThreadIdle = TimeSpan.FromMinutes(idleMinutes) }), clock), clock);
    }

    private static AskThreadKey Key(string ts, string team = "T1") => new(team, "D1", ts);

    [Fact]
    public void A_thread_forgets_its_context_after_the_idle_time_and_a_word_in_it_keeps_it()
    {
        var (threads, clock) = Create(idleMinutes: 120);
        threads.Remember(Key("1"), About42);
        threads.Remember(Key("2"), About42);

        clock.Advance(TimeSpan.FromMinutes(119));
        threads.Remember(Key("2"), About42 with { By = BreakdownDimension.Age });
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(threads.Find(Key("1")));
        Assert.Equal(BreakdownDimension.Age, threads.Find(Key("2"))?.By);
        Assert.Equal(1, threads.Count);
    }

    [Fact]
    public void Past_the_bound_the_least_recently_used_thread_goes_first()
    {
        var (threads, clock) = Create(maxThreads: 3);
        foreach (var ts in new[] { "1", "2", "3" })
        {
            threads.Remember(Key(ts), About42);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        threads.Remember(Key("1"), About42 with { Metric = MetricId.Ctr });
        threads.Remember(Key("4"), About42);

        Assert.Equal(3, threads.Count);
        Assert.Null(threads.Find(Key("2")));
        Assert.Equal(MetricId.Ctr, threads.Find(Key("1"))?.Metric);
        Assert.NotNull(threads.Find(Key("3")));
        Assert.NotNull(threads.Find(Key("4")));
    }

    [Fact]
    public void The_same_thread_ts_in_another_workspace_is_another_thread()
    {
        var (threads, _) = Create();
        threads.Remember(Key("1", "T-A"), About42);

        Assert.Null(threads.Find(Key("1", "T-B")));
    }
}
