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
    /// When the account has enough history (<c>Benchmarks:MinimumCampaigns</c>), the rules judge CTR, CPM, CPC and the
    /// conversion rates against the account's own benchmarks (median for TikTok's averages, the worse quartile for the
    /// edges of its ranges) before TikTok's published figures, and name the one they used. Project default.
    /// </summary>
    public bool PreferAccountBenchmarks { get; set; } = true;
}
