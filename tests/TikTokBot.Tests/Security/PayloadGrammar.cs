using System.Globalization;
using System.Text;
using CsCheck;

namespace TikTokBot.Tests.Security;

/// <summary>One generated request: where it goes, its content type (none when null) and its exact bytes.</summary>
public sealed record FuzzRequest(string Path, string? ContentType, byte[] Body)
{
    public override string ToString() =>
        $"POST {Path} ({ContentType ?? "no content type"}) {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 600)])}";
}

/// <summary>
/// The grammar of what each endpoint reads, as CsCheck generators: every field present with the right kind of value,
/// absent, or any other JSON value; strings that are ordinary, hostile, or not readable at all (lone surrogate escapes);
/// and the whole body truncated, padded or with invalid UTF-8. A failure shrinks to a small body.
/// </summary>
public static class PayloadGrammar
{
    public const string FormType = "application/x-www-form-urlencoded";

    private static readonly string[] Ids = ["T1", "T-FUZZ", "U1", "U-ADMIN", "C1", "E1", "V1", "1800000000000042", "campaign-42"];

    private static readonly string[] ActionIds =
    [
        "report.fix", "report.breakdown", "report.criteria", "report.credit", "report.share", "report.chart", "action.confirm",
        "action.cancel", "action.approve", "action.reject", "action.undo", "action.propose", "action.propose.x", "alert.snooze",
        "alert.mute", "alert.unmute", "accounts_connect", "accounts_open_authorisation", "nope",
    ];

    private static readonly string[] Hostile =
    [
        "", " ", "<!channel>", "<@U1>", "*x*", "\\\"", "\\\\", "\\u0000", "\\ud800", "\\udfff", "\\ud83d", "\\ud83d\\ude00", "😀", "\u202E",
        "%", "%zz", "&", "=", "+", "..", "|", "1e999", "-1", "99999999999999999999", "campaign-42|7d", "1800000000000042|yesterday|x",
    ];

    /// <summary>The inside of a JSON string literal (already escaped), sometimes one no .NET string can hold.</summary>
    private static readonly Gen<string> StringBody = Gen.Frequency(
        (4, Gen.OneOf(Ids)),
        (3, Gen.OneOf(Hostile)),
        (2, Gen.String[Gen.Char['\u0020', '\u024F'], 0, 30].Select(Escape)),
        (1, Gen.Char.Array[0, 12].Select(chars => Escape(new string(chars)))));

    private static readonly Gen<string> JsonString = StringBody.Select(s => "\"" + s + "\"");

    /// <summary>Any JSON value, shallow: the wrong kind for most fields.</summary>
    private static readonly Gen<string> AnyValue = Gen.Frequency(
        (4, JsonString),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("true", "false", "null", "{}", "[]", "[null]", "[{}]", "1e999", "-0.0", "{\"id\":null}", "[\"\\ud800\"]")));

    /// <summary>A field: usually with a value of the right shape, sometimes absent, sometimes any value.</summary>
    private static Gen<string?> Field(string name, Gen<string> right) => Gen.Frequency(
        (6, right.Select(v => (string?)$"\"{name}\":{v}")),
        (1, Gen.Const((string?)null)),
        (1, AnyValue.Select(v => (string?)$"\"{name}\":{v}")));

    private static Gen<string?> Field(string name, params string[] choices) =>
        Field(name, Gen.Frequency((3, Gen.OneOf(choices).Select(c => "\"" + c + "\"")), (1, JsonString)));

    private static Gen<string?> Field(string name) => Field(name, JsonString);

    /// <summary>An object of these fields, in order, the absent ones left out.</summary>
    private static Gen<string> Object(params Gen<string?>[] fields)
    {
        var all = Gen.Const(new List<string>());
        foreach (var field in fields)
        {
            all = all.SelectMany(list => field.Select(f => f is null ? list : [.. list, f]));
        }

        return all.Select(list => "{" + string.Join(",", list) + "}");
    }

    private static Gen<string> ArrayOf(Gen<string> item) => item.List[0, 3].Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> Team => Object(Field("id"), Field("domain"));

    private static Gen<string> User => Object(Field("id"), Field("team_id"), Field("username"));

    private static Gen<string> View => Object(
        Field("id"), Field("type", "modal", "home"), Field("callback_id", "settings.criteria", "settings.credit", "other"),
        Field("private_metadata", "1800000000000042", "{}"),
        Field("state", Object(Field("values", Object(Field("target", Object(Field("value", Object(
            Field("type", "number_input", "datepicker"), Field("value"), Field("selected_date", "2026-11-01", "2026-13-45"),
            Field("selected_option", Object(Field("value"))))))))))));

    private static Gen<string> Action => Object(
        Field("action_id", ActionIds), Field("block_id"), Field("type", "button", "static_select"), Field("value"),
        Field("selected_option", Object(Field("value"))), Field("selected_date", "2026-11-01"));

    /// <summary>The JSON of an interaction payload, of each type the app reads.</summary>
    public static Gen<string> InteractionJson(string responseUrl) => Gen.OneOf("block_actions", "view_submission", "view_closed",
        "shortcut", "message_action", "other").SelectMany(type => Object(
        Field("type", type), Field("team", Team), Field("user", User), Field("enterprise", Object(Field("id"))),
        Field("api_app_id", "A1"), Field("trigger_id", "1.2.3"), Field("is_enterprise_install", Gen.OneOf("true", "false", "\"true\"")),
        Field("actions", ArrayOf(Action)), Field("response_url", responseUrl, "javascript:alert(1)", "/relative"),
        Field("container", Object(Field("type", "message", "view"), Field("channel_id"), Field("message_ts"))),
        Field("channel", Object(Field("id"))), Field("message", Object(Field("ts"), Field("text"))), Field("view", View),
        Field("callback_id", "settings.criteria", "nope"), Field("response_urls", ArrayOf(Object(Field("response_url", responseUrl))))));

    /// <summary>An Events API body: the url_verification handshake or an event_callback around an event.</summary>
    public static readonly Gen<string> EventJson = Object(
        Field("type", "url_verification", "event_callback", "app_rate_limited"), Field("token"), Field("challenge"),
        Field("team_id"), Field("enterprise_id"), Field("api_app_id", "A1"), Field("event_id", "Ev1", "Ev2"),
        Field("event_time", Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        Field("is_enterprise_install", Gen.OneOf("true", "false")),
        Field("event", Object(
            Field("type", "app_home_opened", "tokens_revoked", "app_uninstalled", "message"), Field("user"), Field("channel"),
            Field("tab", "home", "messages"), Field("event_ts"),
            Field("tokens", Object(Field("oauth", ArrayOf(JsonString)), Field("bot", ArrayOf(JsonString)))))));

    /// <summary>A slash command's form: its fields in any order, some missing, values hostile or broken-escaped.</summary>
    public static Gen<string> CommandForm(string responseUrl)
    {
        var value = Gen.Frequency(
            (4, Gen.OneOf(Ids).Select(Uri.EscapeDataString)),
            (3, Gen.OneOf("campaign-42", "campaign-42 by age", "help", "list", "fix campaign-42", "alias x campaign-42",
                "digest now", "alerts", "accounts", "act pause campaign-42", "chart campaign-42 cpa 7d").Select(Uri.EscapeDataString)),
            (2, Gen.OneOf(Hostile)),
            (1, Gen.String[0, 20].Select(s => Uri.EscapeDataString(s.Replace('\uD800', 'x')))));
        Gen<string?> FormField(string name, Gen<string> right) => Gen.Frequency(
            (6, right.Select(v => (string?)$"{name}={v}")), (1, Gen.Const((string?)null)), (1, value.Select(v => (string?)$"{name}={v}")));
        var fields = new[]
        {
            FormField("command", Gen.OneOf("%2Fttmetrics", "/ttmetrics", "%2FTTMETRICS", "%2Fother")), FormField("text", value),
            FormField("team_id", Gen.OneOf("T1", "T-FUZZ")), FormField("channel_id", Gen.OneOf("C1", "D1")),
            FormField("user_id", Gen.OneOf("U1", "U-ADMIN")), FormField("enterprise_id", value),
            FormField("response_url", Gen.OneOf(Uri.EscapeDataString(responseUrl), "ftp%3A%2F%2Fx", "%zz")),
            FormField("trigger_id", value), FormField("is_enterprise_install", Gen.OneOf("true", "false")),
        };
        var all = Gen.Const(new List<string>());
        foreach (var field in fields)
        {
            all = all.SelectMany(list => field.Select(f => f is null ? list : [.. list, f]));
        }

        return all.SelectMany(list => Gen.Shuffle(list.ToArray())).Select(list => string.Join("&", list));
    }

    /// <summary>A login post: a form with a token, or a body of another kind, under a content type that may not match.</summary>
    public static Gen<FuzzRequest> Login(params string[] paths) => Gen.Select(
        Gen.OneOf(paths),
        Gen.OneOf<string?>(FormType, FormType + "; charset=utf-8", FormType + "; charset=bogus", "application/json",
            "multipart/form-data", "multipart/form-data; boundary=b", "text/plain", null, "*/*"),
        Gen.Frequency(
            (3, Gen.OneOf("token=", "token=x", "token=%zz", "token=dashboard-token-0123456789abcdef", "token=a&token=b", "=&&=",
                "--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nx\r\n--b--\r\n", "--b\r\nbroken", "{\"token\":\"x\"}")),
            (1, Gen.String[0, 40].Select(s => "token=" + s))),
        Gen.Bool,
        (path, type, body, breakUtf8) => new FuzzRequest(path, type, Bytes(body, breakUtf8)));

    /// <summary>
    /// The OAuth redirect back from Slack: <c>code</c>, <c>state</c> (well-formed, tampered, garbage, repeated), <c>error</c>,
    /// and the install cookie, each present, absent or hostile.
    /// </summary>
    public static Gen<(string Query, string? Cookie)> OAuthCallback(string issuedState)
    {
        var state = Gen.Frequency(
            (2, Gen.Const(issuedState)),
            (2, Gen.Int[0, Math.Max(0, issuedState.Length - 1)].Select(i => issuedState[..i] + (issuedState[i] == 'A' ? 'B' : 'A') + issuedState[(i + 1)..])),
            (2, Gen.OneOf("", ".", "a.b", "AAAA.AAAA", "%zz", "%00", "\u0000", new string('A', 300) + "." + new string('A', 43), "😀.😀")),
            (1, Gen.String[0, 60]));
        Gen<string?> Param(string name, Gen<string> value) => Gen.Frequency(
            (5, value.Select(v => (string?)$"{name}={Uri.EscapeDataString(v)}")), (1, Gen.Const((string?)null)),
            (1, Gen.OneOf("%zz", "%", "&&", "%ff%fe").Select(v => (string?)$"{name}={v}")));
        var query = Gen.Select(
            Param("code", Gen.OneOf("c1", "", "x".PadRight(500, 'x'))), Param("state", state), Param("state", state),
            Param("error", Gen.OneOf("access_denied", "")),
            (code, first, second, error) => string.Join("&", new[] { code, first, second, error }.Where(p => p is not null)));
        var cookie = Gen.Frequency(
            (3, Gen.Const((string?)null)),
            (2, Gen.OneOf("tiktokbot_slack_install=", "tiktokbot_slack_install=abc", "tiktokbot_slack_install=%zz;tiktokbot_slack_install=2",
                "tiktokbot_slack_install=" + new string('A', 4000)).Select(c => (string?)c)),
            (1, Gen.String[0, 40].Select(c => (string?)("tiktokbot_slack_install=" + Uri.EscapeDataString(c)))));
        return Gen.Select(query, cookie, (q, c) => (Query: q, Cookie: (string?)c));
    }

    /// <summary>A whole JSON or form text, usually as it is, sometimes cut short, padded, or made invalid UTF-8.</summary>
    public static Gen<byte[]> Mangle(Gen<string> text) => text.SelectMany(t => Gen.Frequency(
        (8, Gen.Const(Encoding.UTF8.GetBytes(t))),
        (1, Gen.Int[0, t.Length].Select(n => Encoding.UTF8.GetBytes(t[..n]))),
        (1, Gen.OneOf("}", "]]", " garbage", "\0").Select(tail => Encoding.UTF8.GetBytes(t + tail))),
        (1, Gen.Const(Bytes(t, breakUtf8: true)))));

    private static byte[] Bytes(string text, bool breakUtf8)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!breakUtf8)
        {
            return bytes;
        }

        // A lone continuation byte and a truncated sequence: no UTF-8 reader accepts either.
        return [.. bytes[..(bytes.Length / 2)], 0x80, 0xE2, 0x82, .. bytes[(bytes.Length / 2)..]];
    }

    /// <summary>JSON string escaping by hand, so a lone surrogate becomes <c>\uD800</c> instead of being replaced.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < ' ' || char.IsSurrogate(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
