using System.Text;

namespace TikTokBot.Slack.BlockKit;

/// <summary>Escaping and clean truncation for Block Kit text.</summary>
public static class Mrkdwn
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> so user text cannot form links or mentions
    /// such as <c>&lt;!channel&gt;</c>.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters ending in an ellipsis, without
    /// splitting a surrogate pair or an escape such as <c>&amp;amp;</c>, and preferring a word boundary near the end.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        var amp = text.LastIndexOf('&', cut - 1 < 0 ? 0 : cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && semi >= cut)
            cut = amp;
        var space = text.LastIndexOf(' ', cut - 1 < 0 ? 0 : cut - 1, Math.Min(cut, 20));
        if (space > 0)
            cut = space;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }
}
