using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Naming;

public enum ResolutionKind
{
    Found,
    Ambiguous,
    NotFound,
}

/// <summary>The campaign a person meant, or the candidates to offer instead.</summary>
public sealed record CampaignResolution(ResolutionKind Kind, CampaignInfo? Campaign, IReadOnlyList<CampaignInfo> Candidates)
{
    public static CampaignResolution Found(CampaignInfo campaign) => new(ResolutionKind.Found, campaign, []);
}

/// <summary>
/// Turns what someone typed (<c>campaign-42</c>) into a campaign: its id, an alias the team set, or its name
/// (exact first, then a unique prefix, then a unique substring; case is ignored). Several matches are offered
/// as candidates; no match offers the closest names.
/// </summary>
public static class CampaignResolver
{
    public const int MaxSuggestions = 5;

    /// <param name="aliases">The team's aliases: alias to campaign id.</param>
    public static CampaignResolution Resolve(string typed, IReadOnlyList<CampaignInfo> campaigns, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var query = typed.Trim();
        if (query.Length == 0)
        {
            return new(ResolutionKind.NotFound, null, []);
        }

        // Loops, not LINQ or delegates: every summary, button and question resolves its campaign here.
        if (ById(campaigns, query) is { } byId)
        {
            return CampaignResolution.Found(byId);
        }

        if (aliases is not null)
        {
            foreach (var (name, campaignId) in aliases)
            {
                if (string.Equals(name, query, StringComparison.OrdinalIgnoreCase))
                {
                    if (ById(campaigns, campaignId) is { } aliased)
                    {
                        return CampaignResolution.Found(aliased);
                    }

                    break;
                }
            }
        }

        // The name exactly, then a unique prefix, then a unique substring.
        for (var pass = 0; pass < 3; pass++)
        {
            CampaignInfo? first = null;
            var count = 0;
            for (var i = 0; i < campaigns.Count; i++)
            {
                if (NameMatches(pass, campaigns[i].Name, query))
                {
                    first ??= campaigns[i];
                    count++;
                }
            }

            if (count == 1)
            {
                return CampaignResolution.Found(first!);
            }

            if (count > 1)
            {
                return new(ResolutionKind.Ambiguous, null, campaigns.Where(c => NameMatches(pass, c.Name, query))
                    .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Take(MaxSuggestions).ToArray());
            }
        }

        var closest = campaigns
            .Select(c => (Campaign: c, Distance: Distance(query, c.Name)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Campaign.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .Select(x => x.Campaign)
            .ToArray();
        return new(ResolutionKind.NotFound, null, closest);
    }

    private static CampaignInfo? ById(IReadOnlyList<CampaignInfo> campaigns, string id)
    {
        for (var i = 0; i < campaigns.Count; i++)
        {
            if (campaigns[i].Id == id)
            {
                return campaigns[i];
            }
        }

        return null;
    }

    private static bool NameMatches(int pass, string name, string query) => pass switch
    {
        0 => string.Equals(name, query, StringComparison.OrdinalIgnoreCase),
        1 => name.StartsWith(query, StringComparison.OrdinalIgnoreCase),
        _ => name.Contains(query, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>
    /// How far the typed text is from a name: the edit distance to the closest stretch of the name of the same
    /// length, so "campain-42" is near "campaign-42 Autumn Sale" despite the long tail.
    /// </summary>
    internal static int Distance(string typed, string name)
    {
        var a = typed.ToLowerInvariant();
        var b = name.ToLowerInvariant();
        if (b.Length <= a.Length)
        {
            return EditDistance(a, b);
        }

        var best = int.MaxValue;
        for (var start = 0; start + a.Length <= b.Length; start++)
        {
            best = Math.Min(best, EditDistance(a, b.Substring(start, a.Length)));
        }

        return best;
    }

    /// <summary>The number of single-character edits between two strings.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
