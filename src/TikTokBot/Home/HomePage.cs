using TikTokBot.Reports;

namespace TikTokBot.Home;

/// <summary>The Home tab's content: every campaign's overview of the last 7 closed days, and what the workspace must be told.</summary>
internal sealed record HomePage(IReadOnlyList<CampaignOverview> Overviews, string? Notice);
