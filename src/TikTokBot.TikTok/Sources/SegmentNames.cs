using System.Collections.Frozen;
using System.Globalization;

namespace TikTokBot.TikTok.Sources;

/// <summary>
/// Breakdown dimensions and segments in people's words: <c>AGE_25_34</c> reads 25-34, <c>FEMALE</c> Female,
/// <c>PLACEMENT_TIKTOK</c> TikTok. Ad groups and ads keep their own names.
/// </summary>
public static class SegmentNames
{
    private static readonly FrozenDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["FEMALE"] = "Female",
        ["MALE"] = "Male",
        ["NONE"] = "Unknown",
        ["UNKNOWN"] = "Unknown",
        ["IOS"] = "iOS",
        ["ANDROID"] = "Android",
        ["PC"] = "Computer",
        ["PLACEMENT_TIKTOK"] = "TikTok",
        ["PLACEMENT_PANGLE"] = "Pangle",
        ["PLACEMENT_GLOBAL_APP_BUNDLE"] = "Global App Bundle",
        ["PLACEMENT_TOPBUZZ"] = "TopBuzz",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string Describe(BreakdownDimension by) => by switch
    {
        BreakdownDimension.AdGroup => "ad group",
        BreakdownDimension.Ad => "ad",
        BreakdownDimension.Age => "age",
        BreakdownDimension.Gender => "gender",
        BreakdownDimension.Placement => "placement",
        _ => "device",
    };

    /// <summary>A segment's name as a person says it; names that are not TikTok's codes are kept as they are.</summary>
    public static string Describe(BreakdownDimension by, string name)
    {
        if (by is BreakdownDimension.AdGroup or BreakdownDimension.Ad)
        {
            return name;
        }

        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        // AGE_25_34 -> 25-34; AGE_55_100 -> 55+
        var parts = name.Split('_');
        if (parts is ["AGE" or "age", var from, var to] && int.TryParse(from, CultureInfo.InvariantCulture, out _) && int.TryParse(to, CultureInfo.InvariantCulture, out var upper))
        {
            return upper >= 100 ? $"{from}+" : $"{from}-{to}";
        }

        return name;
    }
}
