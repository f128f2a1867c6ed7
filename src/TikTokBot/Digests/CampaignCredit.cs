using TikTokBot.Domain;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Digests;

/// <summary>A credit window's report, with the range and daily rows it was judged on.</summary>
public sealed record AssessedCredit(CreditWindowReport Report, DateRange Range, IReadOnlyList<DailyTotals> Daily);

/// <summary>A stored credit window judged against the campaign's gross spend through <c>asOf</c>.</summary>
public sealed class CampaignCredit(IMetricSource source, CampaignEngine engine)
{
    public async Task<AssessedCredit> AssessAsync(
        CampaignInfo campaign, AdCreditWindow window, DateOnly asOf, decimal? targetCpa, CancellationToken ct)
    {
        var grant = new CreditGrant(window.Amount, window.StartsOn, window.ExpiresOn);
        var start = window.StartsOn < asOf ? window.StartsOn : asOf;
        var range = new DateRange(start, asOf);
        var daily = await source.GetDailyAsync(Scope.Campaign(campaign.Id), range, ct);
        return new AssessedCredit(engine.AssessCredit(grant, daily, asOf, targetCpa), range, daily);
    }
}
