using System.Globalization;
using TikTokBot.Domain.Metrics;

namespace TikTokBot.TikTok.Csv;

/// <summary>One readable row of an Ads Manager export: who it is about, which day, and its counts.</summary>
public sealed record CsvRow(
    string CampaignId,
    string CampaignName,
    string? AdGroupId,
    string? AdGroupName,
    string? AdId,
    string? AdName,
    string? Objective,
    DateOnly Date,
    RawTotals Counts,
    long? Reach);

/// <summary>A row that could not be read, and why: reported to the user, never dropped silently.</summary>
public sealed record CsvProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{Path.GetFileName(File)} line {Line}: {Reason}";
}

public sealed record CsvReadResult(IReadOnlyList<CsvRow> Rows, IReadOnlyList<CsvProblem> Problems);

/// <summary>
/// Reads TikTok Ads Manager exports (campaign, ad group or ad level, broken down by day). Columns are found by
/// their header, in any order; numbers may carry thousands separators, currency symbols or percent signs, and
/// "-" means no data.
/// </summary>
public static class AdsManagerCsv
{
    /// <summary>Each field and the Ads Manager headers it is read from (case and surrounding spaces ignored).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        ["date"] = ["By Day", "Date", "Day", "stat_time_day"],
        ["campaign_name"] = ["Campaign name", "Campaign Name", "Campaign"],
        ["campaign_id"] = ["Campaign ID", "Campaign Id", "campaign_id"],
        ["adgroup_name"] = ["Ad group name", "Ad Group Name", "Ad group"],
        ["adgroup_id"] = ["Ad group ID", "Ad Group ID", "adgroup_id"],
        ["ad_name"] = ["Ad name", "Ad Name", "Ad"],
        ["ad_id"] = ["Ad ID", "Ad Id", "ad_id"],
        ["objective"] = ["Objective", "Advertising objective", "objective_type"],
        ["spend"] = ["Cost", "Spend", "Total cost"],
        ["impressions"] = ["Impressions"],
        ["reach"] = ["Reach"],
        ["clicks"] = ["Clicks (destination)", "Clicks"],
        ["engagements"] = ["Clicks (all)"],
        ["conversion"] = ["Conversions"],
        ["real_time_conversion"] = ["Real-time conversions", "Conversions by conversion time"],
        ["video_play_actions"] = ["Video views"],
        ["video_watched_2s"] = ["2-second video views"],
        ["video_watched_6s"] = ["6-second video views"],
        ["video_views_p25"] = ["Video views at 25%"],
        ["video_views_p50"] = ["Video views at 50%"],
        ["video_views_p75"] = ["Video views at 75%"],
        ["video_views_p100"] = ["Video views at 100%"],
        ["average_video_play"] = ["Average play time per video view", "Average watch time per video view"],
        ["total_complete_payment_value"] = ["Total complete payment value", "Purchase value"],
    };

    /// <summary>The columns without which a row says nothing the bot can use.</summary>
    public static readonly IReadOnlyList<string> Required = ["date", "spend", "impressions"];

    public static CsvReadResult ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static CsvReadResult Read(TextReader text, string fileName)
    {
        var csv = new CsvRecords(text);
        var rows = new List<CsvRow>();
        var problems = new List<CsvProblem>();
        if (!csv.Read())
        {
            throw new CsvImportException($"{Path.GetFileName(fileName)} is empty: export a report from TikTok Ads Manager with a daily breakdown.");
        }

        var columns = MapColumns(csv.Record ?? []);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (!columns.ContainsKey("campaign_name") && !columns.ContainsKey("campaign_id"))
        {
            missing.Add("campaign_name");
        }

        if (missing.Count > 0)
        {
            throw new CsvImportException(
                $"{Path.GetFileName(fileName)} has no {string.Join(", ", missing.Select(m => $"\"{Headers[m][0]}\""))} column. " +
                "Export from TikTok Ads Manager with these columns and a breakdown by day.");
        }

        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = csv.Line;
            string Field(string name) => columns.TryGetValue(name, out var i) && i < record.Length ? record[i].Trim() : "";
            if (Field("campaign_name").StartsWith("Total", StringComparison.OrdinalIgnoreCase) && Field("date").Length == 0)
            {
                continue;
            }

            if (TryReadRow(Field, out var row, out var reason))
            {
                rows.Add(row);
            }
            else
            {
                problems.Add(new CsvProblem(fileName, line, reason));
            }
        }

        if (rows.Count == 0)
        {
            throw new CsvImportException($"{Path.GetFileName(fileName)} has no row TikTokBot could read" +
                (problems.Count > 0 ? $"; first problem: {problems[0]}" : "") + ".");
        }

        return new CsvReadResult(rows, problems);
    }

    private static bool TryReadRow(Func<string, string> field, out CsvRow row, out string reason)
    {
        row = null!;
        var dateText = field("date");
        if (!TryDate(dateText, out var date))
        {
            reason = $"\"{dateText}\" is not a date (expected e.g. 2026-11-20)";
            return false;
        }

        var campaignId = field("campaign_id");
        var campaignName = field("campaign_name");
        if (campaignId.Length == 0 && campaignName.Length == 0)
        {
            reason = "no campaign name or ID";
            return false;
        }

        var counts = new Dictionary<string, decimal>();
        foreach (var name in new[] { "spend", "impressions", "clicks", "engagements", "conversion", "real_time_conversion", "video_play_actions",
                     "video_watched_2s", "video_watched_6s", "video_views_p25", "video_views_p50", "video_views_p75", "video_views_p100",
                     "average_video_play", "total_complete_payment_value", "reach" })
        {
            var text = field(name);
            if (!TryNumber(text, out var value))
            {
                reason = $"{Headers[name][0]} \"{text}\" is not a number";
                return false;
            }

            counts[name] = value ?? 0m;
            if (name == "reach" && value is null)
            {
                counts.Remove(name);
            }
        }

        long Count(string name) => (long)decimal.Round(counts[name]);
        var views = Count("video_play_actions");
        row = new CsvRow(
            campaignId.Length > 0 ? campaignId : campaignName,
            campaignName.Length > 0 ? campaignName : campaignId,
            NullIfEmpty(field("adgroup_id")) ?? NullIfEmpty(field("adgroup_name")),
            NullIfEmpty(field("adgroup_name")),
            NullIfEmpty(field("ad_id")) ?? NullIfEmpty(field("ad_name")),
            NullIfEmpty(field("ad_name")),
            NullIfEmpty(field("objective")),
            date,
            new RawTotals
            {
                Spend = counts["spend"],
                Impressions = Count("impressions"),
                DestinationClicks = Count("clicks"),
                AllClicks = Count("engagements"),
                Conversions = Count("conversion"),
                RealTimeConversions = Count("real_time_conversion"),
                VideoViews = views,
                VideoViews2s = Count("video_watched_2s"),
                VideoViews6s = Count("video_watched_6s"),
                VideoViewsP25 = Count("video_views_p25"),
                VideoViewsP50 = Count("video_views_p50"),
                VideoViewsP75 = Count("video_views_p75"),
                VideoViewsP100 = Count("video_views_p100"),
                VideoPlaySeconds = RawTotals.PlaySecondsFromAverage(counts["average_video_play"], views),
                PurchaseValue = counts["total_complete_payment_value"],
            },
            counts.TryGetValue("reach", out var reach) ? (long)reach : null);
        reason = "";
        return true;
    }

    /// <summary>Reads "1,234.50", "10,50", "$12.30", "EUR 9", "1.2%"; "-", "N/A" or nothing is no data. Anything else is refused.</summary>
    internal static bool TryNumber(string text, out decimal? value)
    {
        value = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed is "-" or "--" or "N/A")
        {
            return true;
        }

        var cleaned = trimmed.Trim('$', '€', '£', '¥', '%', ' ');
        if (cleaned.Length > 3 && char.IsAsciiLetterUpper(cleaned[0]) && char.IsAsciiLetterUpper(cleaned[1]) && char.IsAsciiLetterUpper(cleaned[2]))
        {
            cleaned = cleaned[3..].Trim();
        }

        if (cleaned.Length > 3 && char.IsAsciiLetterUpper(cleaned[^1]) && char.IsAsciiLetterUpper(cleaned[^2]) && char.IsAsciiLetterUpper(cleaned[^3]))
        {
            cleaned = cleaned[..^3].Trim();
        }

        // "10,50" (one comma, one or two digits after it, no point) is a decimal comma; otherwise commas group thousands.
        var comma = cleaned.LastIndexOf(',');
        cleaned = comma >= 0 && cleaned.IndexOf(',') == comma && !cleaned.Contains('.') && cleaned.Length - comma - 1 is 1 or 2
            ? cleaned.Replace(',', '.')
            : cleaned.Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryDate(string text, out DateOnly date)
    {
        var firstPart = text.Split(' ', 2)[0];
        return DateOnly.TryParseExact(firstPart, ["yyyy-MM-dd", "yyyy/MM/dd", "MM/dd/yyyy", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static Dictionary<string, int> MapColumns(string[] header)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().Trim('\uFEFF');
            foreach (var (field, names) in Headers)
            {
                if (!columns.ContainsKey(field) && names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
                {
                    columns[field] = i;
                }
            }
        }

        return columns;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 || text == "-" ? null : text;
}

/// <summary>An export that cannot be used at all; the message names the file and what to export instead.</summary>
public sealed class CsvImportException(string message) : Sources.MetricSourceException(message);
