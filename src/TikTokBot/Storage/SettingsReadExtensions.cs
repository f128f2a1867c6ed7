using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;

namespace TikTokBot.Storage;

internal static class SettingsReadExtensions
{
    /// <summary>Saved criteria as the engine reads them; a metric this build does not know falls back to the objective's cost per result.</summary>
    public static SuccessCriteria ToCriteria(this CampaignSuccessCriteria saved) =>
        new(saved.TargetCostPerOutcome, saved.MinimumVolume, Enum.TryParse<MetricId>(saved.Metric, out var metric) && Enum.IsDefined(metric) ? metric : null);

    /// <summary>The campaign's most recently started credit window, if the team entered one.</summary>
    public static AdCreditWindow? LatestFor(this IEnumerable<AdCreditWindow> windows, string campaignId) =>
        windows.Where(c => c.Scope == CreditScope.Campaign && c.ScopeId == campaignId).MaxBy(c => c.StartsOn);
}
