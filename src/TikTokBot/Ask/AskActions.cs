using System.Globalization;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Ask;

/// <summary>
/// The buttons Ask offers: the action id <c>ask.&lt;intent&gt;.&lt;n&gt;</c> says what to answer (the number only keeps ids
/// unique in a row, as Slack requires), and the value is written by the one codec (<see cref="ButtonCodec"/>): a
/// <see cref="ReportRequest"/> (<c>r1|…</c>) for a report, a <see cref="ChartRequest"/> (<c>c1|…</c>) for a metric's
/// chart, or none when the intent needs no campaign.
/// </summary>
internal static class AskActions
{
    public const string Prefix = "ask.";

    public static string Id(AskIntent intent, int n) => $"{Prefix}{intent.ToString().ToLowerInvariant()}.{n.ToString(CultureInfo.InvariantCulture)}";

    public static string? Value(AskIntent intent, string? campaignId, Period period, BreakdownDimension? by, MetricId? metric, bool byDay) =>
        campaignId is null ? null
        : intent == AskIntent.Why || (intent == AskIntent.Breakdown && byDay) ? ButtonCodec.Encode(new ChartRequest(campaignId, period, metric ?? MetricId.Spend))
        : ButtonCodec.Encode(new ReportRequest(campaignId, period, intent == AskIntent.Breakdown ? by : null));

    /// <summary>False for an action id that names no intent, or a value neither codec wrote.</summary>
    public static bool TryRead(string actionId, string? value, out AskButton button)
    {
        button = new AskButton(AskIntent.Summary, null, Period.Default, null, null);
        var parts = actionId.Split('.');
        if (parts.Length is < 2 or > 3 || parts[0] + "." != Prefix || !Enum.TryParse<AskIntent>(parts[1], ignoreCase: true, out var intent) ||
            !Enum.IsDefined(intent) || char.IsDigit(parts[1][0]))
        {
            return false;
        }

        if (string.IsNullOrEmpty(value))
        {
            button = button with { Intent = intent };
            return true;
        }

        if (ButtonCodec.TryDecode<ReportRequest>(value, out var report))
        {
            button = new AskButton(intent, report.CampaignId, report.Period, report.By, null);
            return true;
        }

        if (ButtonCodec.TryDecode<ChartRequest>(value, out var chart))
        {
            button = new AskButton(intent, chart.CampaignId, chart.Period, null, chart.Metric);
            return true;
        }

        return false;
    }
}
