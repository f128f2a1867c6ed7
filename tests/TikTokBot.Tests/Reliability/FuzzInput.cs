using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TikTokBot.Tests.Reliability;

/// <summary>
/// Seeded generator of hostile input: random unicode (lone surrogates and control characters included), huge
/// strings, mrkdwn and mention injections, numbers that overflow, broken JSON, missing fields and wrong types.
/// The same seed always gives the same cases.
/// </summary>
public sealed class FuzzInput(int seed)
{
    private static readonly string[] Injections =
    [
        "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<!subteam^S0123|@ads>", "<#C123|general>", "<https://evil.example|click>",
        "*bold*", "_it_", "~strike~", "`code`", "```block```", "&lt;!channel&gt;", "&amp;", "@channel", "@here", "> quote", "\u202Eevil",
        "\"", "“", "”", "..", "|", "||", "\\", "%00", "%", "+", "&", "=", "\0", "\r\n", "\t", "😀", "👩‍👩‍👧", "\uD800", "\uDFFF",
        "'; DROP TABLE success_criteria; --", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd",
    ];

    private static readonly string[] Words =
    [
        "campaign-41", "campaign-42", "campaign-43", "campaign-44", "campaign-45", "campaign-46", "campaign-47", "campaign-48",
        "1800000000000042", "Autumn Sale", "list", "help", "fix", "by", "adgroup", "ad", "age", "gender", "placement", "device", "weather",
        "target", "credit", "alias", "digest", "now", "cpa", "cpc", "min", "today", "yesterday", "7d", "14d", "30d", "lifetime",
        "2026-11-01..2026-11-20", "2026-12-31..2026-11-01", "0001-01-01..9999-12-31", "2026-02-30..2026-03-01", "0", "-1", "25", "1e309",
        "79228162514264337593543950336", "99999999999999999999999", "NaN", "$12.30", "0.00000001", "50",
    ];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    /// <summary>A slash-command text: mostly command-shaped, sometimes pure noise or huge.</summary>
    public string CommandText() => Next(10) switch
    {
        0 => Noise(Next(40)),
        1 => Noise(Next(3) == 0 ? 5_000 + Next(60_000) : 400 + Next(200)),
        _ => string.Join(Next(8) == 0 ? "  " : " ", Enumerable.Range(0, 1 + Next(7)).Select(_ => Word())),
    };

    public string Word() => Next(5) switch
    {
        0 => Injections[Next(Injections.Length)],
        1 => Noise(1 + Next(12)),
        2 => Words[Next(Words.Length)] + Injections[Next(Injections.Length)],
        _ => Words[Next(Words.Length)],
    };

    /// <summary>Characters from every plane, control characters and unpaired surrogates.</summary>
    public string Noise(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            _ = Next(6) switch
            {
                0 => text.Append((char)Next(0x20)),
                1 => text.Append((char)(0xD800 + Next(0x800))),
                2 => text.Append(char.ConvertFromUtf32(0x1F300 + Next(0x300))),
                3 => text.Append((char)(0x20 + Next(0x5F))),
                4 => text.Append(Injections[Next(Injections.Length)]),
                _ => text.Append((char)(0xA0 + Next(0xD700))),
            };
        }

        return text.ToString();
    }

    /// <summary>An interaction payload body (the JSON that goes in the <c>payload</c> form field), often broken.</summary>
    public string InteractionJson(string responseUrl)
    {
        var shape = Next(12);
        if (shape == 0)
        {
            return Noise(Next(200));
        }

        var payload = Next(2) == 0 ? BlockActions(responseUrl) : ViewSubmission();
        if (shape == 1)
        {
            RemoveRandomField(payload);
        }

        var json = JsonSerializer.Serialize(payload);
        return shape switch
        {
            2 => json[..Next(json.Length)],
            3 => json.Replace("\"", Next(2) == 0 ? "'" : "", StringComparison.Ordinal),
            4 => json + Noise(3),
            _ => json,
        };
    }

    private Dictionary<string, object?> BlockActions(string responseUrl)
    {
        string[] actionIds = ["report.fix", "report.share", "report.breakdown", "report.criteria", "report.credit", "nope", Noise(5)];
        var value = Next(4) switch
        {
            0 => Noise(Next(3000)),
            1 => $"{Word()}|{Word()}|{Word()}",
            2 => string.Join('|', Enumerable.Range(0, Next(6)).Select(_ => Word())),
            _ => $"18000000000000{41 + Next(8)}|{Words[16 + Next(20)]}",
        };
        var action = new Dictionary<string, object?>
        {
            ["action_id"] = Next(10) == 0 ? Next(5) : actionIds[Next(actionIds.Length)],
            ["type"] = Next(2) == 0 ? "button" : "static_select",
            ["value"] = Next(12) == 0 ? new[] { 1, 2 } : value,
        };
        if (Next(3) == 0)
        {
            action["selected_option"] = new Dictionary<string, object?> { ["value"] = Next(6) == 0 ? null : value };
        }

        var payload = Common("block_actions");
        payload["actions"] = Next(15) == 0 ? Noise(4) : Enumerable.Range(0, Next(12) == 0 ? 0 : 1 + Next(3)).Select(_ => action).ToArray();
        payload["response_url"] = Next(12) == 0 ? Noise(10) : responseUrl;
        payload["container"] = new Dictionary<string, object?> { ["type"] = "message" };
        if (Next(4) == 0)
        {
            payload["channel"] = new Dictionary<string, object?> { ["id"] = "C-FUZZ" };
            payload["message"] = new Dictionary<string, object?> { ["ts"] = "1700000000.000100", ["text"] = Noise(20) };
        }

        return payload;
    }

    private Dictionary<string, object?> ViewSubmission()
    {
        string[] callbacks = ["settings.criteria", "settings.credit", "other", Noise(4)];
        object? Input() => Next(8) switch
        {
            0 => null,
            1 => 12345,
            2 => Noise(Next(50)),
            3 => "1e400",
            4 => "2026-13-45",
            _ => Words[Next(Words.Length)],
        };
        var values = new Dictionary<string, object?>();
        foreach (var block in new[] { "target", "minimum", "amount", "start", "expiry", Noise(3) })
        {
            if (Next(6) != 0)
            {
                values[block] = new Dictionary<string, object?>
                {
                    ["value"] = new Dictionary<string, object?> { ["type"] = "number_input", ["value"] = Input(), ["selected_date"] = Input() },
                };
            }
        }

        var payload = Common("view_submission");
        payload["view"] = Next(20) == 0 ? Noise(6) : new Dictionary<string, object?>
        {
            ["id"] = "V-FUZZ",
            ["type"] = "modal",
            ["callback_id"] = callbacks[Next(callbacks.Length)],
            ["private_metadata"] = Next(3) == 0 ? Noise(Next(100)) : $"18000000000000{41 + Next(8)}",
            ["state"] = new Dictionary<string, object?> { ["values"] = values },
        };
        return payload;
    }

    private Dictionary<string, object?> Common(string type) => new()
    {
        ["type"] = Next(20) == 0 ? Noise(5) : type,
        ["team"] = Next(15) == 0 ? null : new Dictionary<string, object?> { ["id"] = Next(20) == 0 ? "" : "T-FUZZ-" + Next(3).ToString(CultureInfo.InvariantCulture) },
        ["user"] = Next(15) == 0 ? (object?)Noise(3) : new Dictionary<string, object?> { ["id"] = "U-FUZZ-" + Next(5).ToString(CultureInfo.InvariantCulture) },
        ["trigger_id"] = Next(4) == 0 ? null : "trigger-fuzz",
        ["api_app_id"] = "A1",
    };

    private void RemoveRandomField(Dictionary<string, object?> payload) => payload.Remove(payload.Keys.ElementAt(Next(payload.Count)));
}
