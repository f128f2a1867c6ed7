using System.Text.Json;
using System.Text.Json.Serialization;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Domain.Tests.Casebook;

/// <summary>
/// The casebook: campaigns written as data from the rulebook (one JSON file each in this folder), each with the account around
/// it, the first finding a TikTok ads person would lead with (or "nothing" to fix) and the DOMAIN.md line that decides it.
/// </summary>
public sealed class CasebookTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Casebook");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void The_casebook_holds_at_least_forty_cases_each_citing_the_rulebook()
    {
        var cases = Directory.GetFiles(Folder, "*.json").Select(Load).ToArray();

        Assert.True(cases.Length >= 40, $"{cases.Length} cases");
        Assert.All(cases, c => Assert.Contains("DOMAIN.md", c.Rulebook));
        Assert.Equal(Enum.GetValues<Objective>().Order(), cases.Select(c => c.Objective).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_gets_the_first_finding_the_rulebook_gives_it(string name)
    {
        var @case = Load(Path.Combine(Folder, name + ".json"));
        var engine = new CampaignEngine(new DiagnosisOptions { UnitsPerUsDollar = { ["JPY"] = 150m } });
        var facts = @case.Facts();
        var account = @case.Account.Count == 0 ? null
            : AccountBenchmarks.For("A1", @case.Objective, facts.Campaign.Id, @case.Account.Select((p, i) => p.History(i, @case.Objective)), new AccountBenchmarkOptions());

        var read = engine.Read(facts, account, @case.AsOf);

        var problems = read.Diagnosis.Findings.Where(f => f.IsProblem).Select(f => f.RuleId).ToArray();
        var first = problems.FirstOrDefault() ?? "nothing";
        Assert.True(first == @case.Expect.First,
            $"{name}: expected {@case.Expect.First}, got {first} (all: {string.Join(", ", read.Diagnosis.Findings.Select(f => $"{f.RuleId}/{f.Severity}"))}). {@case.Rulebook}");
        var all = read.Diagnosis.Findings.Select(f => f.RuleId).ToArray();
        Assert.All(@case.Expect.Also, id => Assert.Contains(id, all));
        Assert.All(@case.Expect.Absent, id => Assert.DoesNotContain(id, all));
        if (@case.Expect.Learning is { } learning)
            Assert.Equal(learning, read.Learning.State.ToString());
        if (@case.Expect.Verdicts is { } verdicts)
        {
            foreach (var (metric, verdict) in verdicts)
                Assert.Equal(verdict, read.Standings[Enum.Parse<MetricId>(metric)].Verdict.ToString());
        }

        if (@case.Credit is { } credit && @case.Expect.Credit is { } creditVerdict)
        {
            var report = engine.AssessCredit(new CreditGrant(credit.Amount, credit.Start, credit.Expiry), @case.Daily(facts), facts.Period.End,
                @case.Target?.Metric is null or MetricId.CostPerConversion ? @case.Target?.Value : null);
            Assert.Equal(creditVerdict, report.Verdict.ToString());
        }
    }

    private static Case Load(string path) => JsonSerializer.Deserialize<Case>(File.ReadAllText(path), Json)!;

    private sealed record Case(
        string Title, string Rulebook, Objective Objective, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly AsOf, DateOnly Launched,
        Counts Current, Expected Expect)
    {
        public Counts? Previous { get; init; }
        public bool Automated { get; init; }
        public decimal? DailyBudget { get; init; }
        public CampaignStatus Status { get; init; } = CampaignStatus.Enabled;
        public DateOnly? StatusSince { get; init; }
        public bool Purchase { get; init; }
        public string Currency { get; init; } = "USD";
        public TargetSpec? Target { get; init; }
        public long? LifetimeConversions { get; init; }
        public List<Counts> Account { get; init; } = [];
        public CreditSpec? Credit { get; init; }

        /// <summary>The period day by day, when the case turns on how it moved (real-time rules); else spread evenly.</summary>
        public List<Counts>? Days { get; init; }

        public CampaignFacts Facts()
        {
            var period = new DateRange(PeriodStart, PeriodEnd);
            return new CampaignFacts
            {
                Campaign = new Campaign("case", Title, Objective, Launched, Automated, DailyBudget, Purchase, Currency, Status, StatusSince),
                Period = period,
                Current = Current.Totals(),
                Previous = Previous?.Totals(),
                Criteria = Target is { } t ? new SuccessCriteria(t.Value, t.Minimum, t.Metric) : null,
                LifetimeConversions = LifetimeConversions,
                Daily = Daily(null),
            };
        }

        /// <summary>The period's totals spread evenly over its days (what a credit window's burn rate reads).</summary>
        public IReadOnlyList<DailyTotals> Daily(CampaignFacts? facts)
        {
            if (Days is { } given)
                return given.Select((d, i) => new DailyTotals(PeriodStart.AddDays(i), d.Totals().Counts)).ToArray();
            var days = new DateRange(PeriodStart, PeriodEnd).Days;
            var c = Current.Totals().Counts;
            return Enumerable.Range(0, days).Select(d => new DailyTotals(PeriodStart.AddDays(d), new RawTotals
            {
                Impressions = c.Impressions / days, Spend = c.Spend / days, DestinationClicks = c.DestinationClicks / days, AllClicks = c.AllClicks / days,
                Conversions = c.Conversions / days + (d < c.Conversions % days ? 1 : 0), RealTimeConversions = c.RealTimeConversions / days + (d < c.RealTimeConversions % days ? 1 : 0),
                VideoViews = c.VideoViews / days, VideoViews6s = c.VideoViews6s / days, VideoViewsP100 = c.VideoViewsP100 / days,
                PurchaseValue = c.PurchaseValue / days,
            })).ToArray();
        }
    }

    private sealed record Counts(long Impressions, decimal Spend)
    {
        public long? Reach { get; init; }
        public long Clicks { get; init; }
        public long AllClicks { get; init; }
        public long Conversions { get; init; }
        public long RealTimeConversions { get; init; }
        public long VideoViews { get; init; }
        public long Views6s { get; init; }
        public long ViewsP100 { get; init; }
        public decimal PlaySeconds { get; init; }
        public decimal PurchaseValue { get; init; }

        public ScopeTotals Totals() => new(new RawTotals
        {
            Impressions = Impressions, Spend = Spend, DestinationClicks = Clicks, AllClicks = Math.Max(AllClicks, Clicks), Conversions = Conversions,
            RealTimeConversions = RealTimeConversions, VideoViews = VideoViews, VideoViews6s = Views6s, VideoViewsP100 = ViewsP100,
            VideoPlaySeconds = PlaySeconds, PurchaseValue = PurchaseValue,
        }, Reach);

        public CampaignHistory History(int i, Objective objective) =>
            new("A1", $"peer-{i}", $"peer {i}", objective, new DateOnly(2026, 9, 1), Totals());
    }

    private sealed record TargetSpec(decimal Value, long Minimum, MetricId? Metric);

    private sealed record CreditSpec(decimal Amount, DateOnly Start, DateOnly Expiry);

    private sealed record Expected(string First)
    {
        public List<string> Also { get; init; } = [];
        public List<string> Absent { get; init; } = [];
        public string? Learning { get; init; }
        public Dictionary<string, string>? Verdicts { get; init; }
        public string? Credit { get; init; }
    }
}
