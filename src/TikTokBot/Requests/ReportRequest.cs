using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Requests;

/// <summary>A report's button or menu option: the campaign by its exact id, the period, and for the menu the breakdown.</summary>
internal sealed record ReportRequest(string CampaignId, Period Period, BreakdownDimension? By = null) : ButtonValue;
