using TikTokBot.TikTok.Caching;
using TikTokBot.TikTok.Csv;

namespace TikTokBot.Reports;

/// <summary>
/// A campaign's rendered reply (summary, full funnel, fixes without buttons), kept in the one cache as serialised bytes
/// beside its messages, with the workspace's footers: the notice (demo data, a refused token) and the export's unreadable
/// rows. <see cref="Problems"/> compares as the same list: the CSV source replaces it when it reads the export again.
/// </summary>
internal sealed record ReplyKey(OverviewKey Overview, ReportKind Kind, string? Notice, IReadOnlyList<CsvProblem> Problems) : CacheKey;
