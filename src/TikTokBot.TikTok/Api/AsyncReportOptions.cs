namespace TikTokBot.TikTok.Api;

/// <summary>
/// Configuration <c>TikTok:AsyncReports:*</c>. TikTok's synchronous <c>report/integrated/get</c> pages 1,000 rows at a
/// time and serves up to about 20,000; a larger report (a year of days for thousands of ad groups) is one call per page
/// from the app's main quota. Such a report goes through TikTok's asynchronous report task instead
/// (<c>report/task/create</c>, then <c>report/task/check</c> until done, then <c>report/task/download</c>), whose calls
/// come from a budget of their own (<c>TikTok:Quota:Tasks:*</c>).
/// </summary>
/// <remarks>
/// The rule is TikTok's own count, not an estimate: the first page's <c>page_info.total_number</c>. Over
/// <see cref="MaxSyncRows"/>, that page is the only synchronous call; the report is read as a task.
/// </remarks>
public sealed class AsyncReportOptions
{
    /// <summary>Whether large reports go as tasks at all; off, every report is paged through synchronously.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The most rows a report is read synchronously; more, it goes as a task. 20,000 rows is what TikTok serves
    /// synchronously, 20 pages of 1,000: 20 calls of the main quota, against about 4 to 10 of the task budget.
    /// </summary>
    public int MaxSyncRows { get; set; } = 20_000;

    /// <summary>The first check of a new task comes this long after it was created.</summary>
    public TimeSpan FirstCheckAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Each further check waits twice as long as the one before, up to this.</summary>
    public TimeSpan MaxCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A task not done this long after it was created is cancelled and the report fails with a clear message.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);
}
