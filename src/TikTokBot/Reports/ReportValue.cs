using System.Diagnostics.CodeAnalysis;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>What a report's button or menu option asks for: the campaign by its exact id, the period, and for the menu the breakdown.</summary>
public sealed record ReportRequest(string CampaignId, Period Period, BreakdownDimension? By = null);

/// <summary>
/// The value a report's buttons and menu carry: <c>r1|&lt;campaign id&gt;|&lt;period&gt;|&lt;breakdown&gt;</c>. The id is
/// percent-encoded, so an id or name holding <c>|</c>, <c>fix</c>, <c>by</c> or a period word comes back unchanged; the
/// leading version lets a later format tell old buttons (still in Slack's history) from new ones.
/// </summary>
public static class ReportValue
{
    public const string Version = "r1";

    public static string Encode(ReportRequest request) =>
        $"{Version}|{Uri.EscapeDataString(request.CampaignId)}|{request.Period}|{(request.By is { } by ? by.ToString() : "")}";

    /// <summary>
    /// False for a value no version wrote (a tampered one). Buttons from before the version (<c>&lt;id&gt;|&lt;period&gt;[|&lt;breakdown&gt;]</c>,
    /// still in Slack's history) are read too.
    /// </summary>
    public static bool TryDecode(string? value, [NotNullWhen(true)] out ReportRequest? request)
    {
        request = null;
        var parts = (value ?? "").Split('|');
        if (parts[0] != Version)
        {
            return parts.Length is 2 or 3 && parts[0].Length > 0 && Period.TryParse(parts[1], out var unversioned, out _) &&
                TryDimension(parts.Length == 3 ? parts[2] : "", out var legacyBy) &&
                (request = new ReportRequest(parts[0], unversioned, legacyBy)) is not null;
        }

        if (parts.Length != 4 || parts[1].Length == 0 || !Period.TryParse(parts[2], out var period, out _) || !TryDimension(parts[3], out var by))
        {
            return false;
        }

        string id;
        try
        {
            id = Uri.UnescapeDataString(parts[1]);
        }
        catch (UriFormatException)
        {
            return false;
        }

        request = new ReportRequest(id, period, by);
        return true;
    }

    private static bool TryDimension(string text, out BreakdownDimension? by)
    {
        by = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (!Enum.TryParse<BreakdownDimension>(text, ignoreCase: true, out var dimension) || !Enum.IsDefined(dimension) || char.IsDigit(text[0]))
        {
            return false;
        }

        by = dimension;
        return true;
    }
}
