using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Trends;

namespace TikTokBot.Domain;

/// <summary>Every threshold of the rulebook, bound from configuration section <c>Diagnosis</c>. Defaults are DOMAIN.md's.</summary>
public sealed class DiagnosisOptions
{
    public const string SectionName = "Diagnosis";

    public BenchmarkOptions Benchmarks { get; set; } = new();

    public RuleOptions Rules { get; set; } = new();

    public LearningPhaseOptions LearningPhase { get; set; } = new();

    public CreditWindowOptions CreditWindow { get; set; } = new();

    public TrendOptions Trends { get; set; } = new();

    /// <summary>
    /// When the account has enough history (<c>Benchmarks:MinimumCampaigns</c>), every metric's standing is judged against
    /// the account's quartiles before TikTok's published figures (DOMAIN.md section 8); false: TikTok's lines only.
    /// </summary>
    public bool PreferAccountBenchmarks { get; set; } = true;

    /// <summary>
    /// Units of a currency per US dollar (ISO code to rate, e.g. <c>"JPY": 150</c>): TikTok's lines and the money thresholds
    /// are quoted in dollars and are converted with it. A currency not listed takes the dollar figures as they are. Empty by default.
    /// </summary>
    public Dictionary<string, decimal> UnitsPerUsDollar { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
