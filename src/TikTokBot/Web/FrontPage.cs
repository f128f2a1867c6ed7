using System.Text;
using System.Text.Encodings.Web;
using TikTokBot.TikTok.Quota;
using TikTokBot.Deployment;

namespace TikTokBot.Web;

/// <summary><c>GET /</c>: what is running and what to do next. Names settings and modes, never a value of a secret.</summary>
internal static class FrontPage
{
    public static async Task<IResult> Render(HttpContext http, IConfiguration configuration, PlaygroundAccess playground, TikTokQuota quota, CancellationToken ct)
    {
        var running = RunningConfiguration.Read(configuration);
        var html = new StringBuilder();
        html.Append(PageStart("TikTokBot"));
        html.Append("<h1>TikTokBot is running</h1>");
        html.Append("<p>A Slack app that reads TikTok ad campaigns in funnel order and says what to fix first.</p>");
        html.Append("<table class=\"facts\">");
        Row(html, "Data source", DataSource(running));
        Row(html, "Storage", running.Storage);
        Row(html, "Scheduler", running.Scheduler);
        Row(html, "Slack", running.SlackDescription);
        Row(html, "Data folder", running.DataFolder);
        Row(html, "TikTok quota", await QuotaAsync(quota, ct));
        html.Append("</table>");

        if (running.Problems.Count > 0)
        {
            html.Append("<h2>To finish the set-up</h2><ul class=\"problems\">");
            foreach (var problem in running.Problems)
            {
                html.Append("<li>").Append(Encode(problem)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Next</h2><ul class=\"links\">");
        if (playground.Decide(http) != PlaygroundDecision.Off)
        {
            html.Append("<li><a href=\"/playground\">Playground</a>: type a <code>/ttmetrics</code> command and see the answer as Slack draws it.</li>");
        }
        else
        {
            html.Append("<li>The playground is off here: it opens to a browser on this machine outside Production (<code>ASPNETCORE_ENVIRONMENT=Development</code>), " +
                "or to holders of the token with <code>Web:Playground=true</code> and <code>Scheduler:DashboardToken</code>.</li>");
        }

        if (running.SlackOAuth)
        {
            html.Append("<li><a href=\"/slack/install\">Add to Slack</a>: install the app in a workspace.</li>");
        }
        else if (running.Slack == SlackMode.NotConfigured)
        {
            html.Append("<li>Connect Slack: create the app from <code>manifest/</code>, then set <code>Slack:SigningSecret</code> and <code>Slack:BotToken</code> (or <code>Slack:AppToken</code> for Socket Mode).</li>");
        }

        if (running.DashboardPath is { } dashboard)
        {
            html.Append("<li><a href=\"").Append(Encode(dashboard)).Append("\">Scheduler dashboard</a> (needs the dashboard token).</li>");
        }

        html.Append("<li>Health: <a href=\"/healthz\">/healthz</a> (alive) and <a href=\"/readyz\">/readyz</a> (database, scheduler, configuration, TikTok quota).</li>");
        html.Append("<li>In a terminal: <code>dotnet run --project src/TikTokBot -- ask \"/ttmetrics campaign-42\"</code>.</li>");
        html.Append("</ul></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// The data source line. When workspaces connect their own TikTok accounts, this is the place to say how many are
    /// connected (ask the accounts service), instead of what the configuration names.
    /// </summary>
    private static string DataSource(RunningConfiguration running) => running.DataSource;

    private static async Task<string> QuotaAsync(TikTokQuota quota, CancellationToken ct)
    {
        try
        {
            return (await quota.SnapshotAsync(ct)).Describe();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return $"could not be read ({e.GetType().Name})";
        }
    }

    internal static string PageStart(string title) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Encode(title)}</title><link rel=\"stylesheet\" href=\"{StylePath}\"></head><body><main>";

    /// <summary>The pages' shared style, served as a file: the pages' Content-Security-Policy allows no inline style.</summary>
    public const string StylePath = "/site.css";

    public static IResult StyleSheet() => Results.Content(Style, "text/css; charset=utf-8");

    internal static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f8f8f8;color:#1d1c1d}" +
        "main{max-width:52rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}" +
        "table.facts{border-collapse:collapse;background:#fff;width:100%}table.facts th,table.facts td{text-align:left;padding:.45rem .7rem;border-bottom:1px solid #e8e8e8;vertical-align:top}" +
        "table.facts th{width:9rem;color:#616061;font-weight:600}.problems li{color:#8f2d00}code{background:#eee;padding:0 .25rem;border-radius:3px}" +
        "a{color:#1264a3}";
}
