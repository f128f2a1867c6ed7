using TikTokBot.Domain;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Actions;

/// <summary>The campaign's learning phase (day N, conversions toward ~50), as the reports assess it.</summary>
internal interface IActionLearning
{
    /// <summary>Null when the campaign is not in the metric source or cannot be read: no learning consequence is claimed then.</summary>
    Task<LearningPhaseAssessment?> AssessAsync(string campaignId, DateOnly accountToday, CancellationToken ct);
}

internal sealed class CampaignLearning(IMetricSource source, CampaignFactsLoader loader, CampaignEngine engine, ILogger<CampaignLearning> logger) : IActionLearning
{
    public async Task<LearningPhaseAssessment?> AssessAsync(string campaignId, DateOnly accountToday, CancellationToken ct)
    {
        try
        {
            var campaign = (await source.ListCampaignsAsync(ct)).FirstOrDefault(c => c.Id == campaignId);
            if (campaign is null)
            {
                return null;
            }

            var facts = await loader.LoadAsync(campaign, new DateRange(accountToday.AddDays(-7), accountToday.AddDays(-1)), null, ct);
            return engine.AssessLearning(facts, accountToday);
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning("Learning phase of campaign {CampaignId} not assessed: {Reason}", campaignId, e.Message);
            return null;
        }
    }
}
