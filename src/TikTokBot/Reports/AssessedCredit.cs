using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Campaigns;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Summary;
using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>A credit window's report, with the range and daily rows it was judged on.</summary>
internal sealed record AssessedCredit(CreditWindowReport Report, DateRange Range, IReadOnlyList<DailyTotals> Daily);
