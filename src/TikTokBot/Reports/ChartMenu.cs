using System.Diagnostics.CodeAnalysis;
using TikTokBot.Domain.Metrics;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Reports;

/// <summary>What the "Chart another metric…" menu asks for: the campaign by its exact id, the period and the metric.</summary>
public sealed record ChartRequest(string CampaignId, Period Period, MetricId Metric);

/// <summary>
/// The value of an option of the chart menu: <c>c1|&lt;campaign id&gt;|&lt;period&gt;|&lt;metric&gt;</c>, the id
/// percent-encoded (as in <see cref="ReportValue"/>) and the metric by its catalogue name.
/// </summary>
public static class ChartValue
{
    public const string Version = "c1";

    public static string Encode(ChartRequest request) =>
        $"{Version}|{Uri.EscapeDataString(request.CampaignId)}|{request.Period}|{request.Metric}";

    /// <summary>False for a value this version did not write (a tampered one, or a metric no longer in the catalogue).</summary>
    public static bool TryDecode(string? value, [NotNullWhen(true)] out ChartRequest? request)
    {
        request = null;
        var parts = (value ?? "").Split('|');
        if (parts is not [Version, { Length: > 0 } id, var period, var metric] || !Period.TryParse(period, out var parsed, out _) ||
            !Enum.TryParse<MetricId>(metric, ignoreCase: false, out var known) || !Enum.IsDefined(known) || char.IsDigit(metric[0]))
        {
            return false;
        }

        try
        {
            request = new ChartRequest(Uri.UnescapeDataString(id), parsed, known);
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// A menu of every other metric of the catalogue for the same campaign and period; null when an option's value would
    /// pass Slack's 150 characters (an unusually long campaign id), as a menu that Slack refuses is worse than none.
    /// </summary>
    public static StaticSelectElement? Menu(string campaignId, Period period, MetricId shown)
    {
        var values = MetricCatalogue.All.Where(m => m.Id != shown)
            .Select(m => (m.DisplayName, Value: Encode(new ChartRequest(campaignId, period, m.Id)))).ToList();
        return values.Any(v => v.Value.Length > SlackLimits.OptionValue)
            ? null
            : Elements.StaticSelect(ChartMenuHandler.ActionId, "Chart another metric…", values.Select(v => Elements.Option(v.DisplayName, v.Value)).ToList());
    }
}

/// <summary>"Chart another metric…": the chosen metric's chart replaces the one the menu sits under, through its response_url.</summary>
public sealed class ChartMenuHandler(ReportCommands reports) : IBlockActionHandler
{
    public const string ActionId = "report.chart";

    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        // A menu only ever reads: whatever its value says, it never changes a setting.
        if (!ChartValue.TryDecode(action.SelectedOption?.Value, out var request) || string.IsNullOrEmpty(context.TeamId) || string.IsNullOrEmpty(context.ResponseUrl))
        {
            return;
        }

        var asker = new Asker(context.TeamId, context.UserId ?? "", context.ChannelId, EnterpriseId: context.EnterpriseId);
        foreach (var message in await reports.ChartAsync(asker, request, ct))
        {
            await context.RespondAsync(message with { ReplaceOriginal = true }, ct);
        }
    }
}
