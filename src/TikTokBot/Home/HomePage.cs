using TikTokBot.Reports;
using TikTokBot.Storage;

namespace TikTokBot.Home;

/// <summary>The Home tab's content: every campaign's overview of the last 7 closed days, and what the workspace must be told.</summary>
/// <param name="Fixes">The workspace's fixes in progress (check-ins), by owner and campaign.</param>
internal sealed record HomePage(IReadOnlyList<CampaignOverview> Overviews, string? Notice, IReadOnlyList<Fix>? Fixes = null);
