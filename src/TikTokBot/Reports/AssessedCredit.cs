using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.Reports;

/// <summary>A credit window's report, with the range and daily rows it was judged on.</summary>
internal sealed record AssessedCredit(CreditWindowReport Report, DateRange Range, IReadOnlyList<DailyTotals> Daily);
