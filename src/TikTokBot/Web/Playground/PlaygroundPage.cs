namespace TikTokBot.Web.Playground;

/// <summary>The playground's page: a command box and a message list, drawn by playground.js from Block Kit JSON.</summary>
internal static class PlaygroundPage
{
    public static readonly string Html =
        FrontPage.PageStart("TikTokBot playground") +
        "<link rel=\"stylesheet\" href=\"/playground/playground.css\">" +
        "<h1>Playground</h1>" +
        "<p>Type a command as you would in Slack. The answer is the Block Kit the bot sends, drawn the way Slack draws it. " +
        "This playground is a workspace of its own: settings saved here stay here. <a href=\"/\">Back</a></p>" +
        "<form id=\"command-form\" autocomplete=\"off\"><label for=\"command\">Command</label>" +
        "<input id=\"command\" name=\"command\" value=\"/ttmetrics campaign-42\" spellcheck=\"false\">" +
        "<button type=\"submit\" id=\"send\">Send</button></form>" +
        "<p class=\"examples\">Try <code>/ttmetrics help</code>, <code>/ttmetrics list</code>, <code>/ttmetrics campaign-42 fix</code>, " +
        "<code>/ttmetrics campaign-42 by age</code>, <code>/ttmetrics digest now</code>.</p>" +
        "<form id=\"ask-form\" autocomplete=\"off\"><label for=\"question\">Ask</label>" +
        "<input id=\"question\" name=\"question\" placeholder=\"how is campaign-42 doing?\" spellcheck=\"true\">" +
        "<button type=\"submit\" id=\"ask\">Ask</button> <button type=\"button\" id=\"new-conversation\">New conversation</button></form>" +
        "<p class=\"examples\">Or ask in plain words, as in the bot's Messages tab: <code>which campaigns are off track this month?</code>, " +
        "<code>why did cpa go up on autumn sale</code>, then <code>and by age?</code> or <code>what about last month?</code> in the same conversation.</p>" +
        "<div id=\"conversation\" aria-live=\"polite\"></div>" +
        "<script src=\"/playground/playground.js\"></script></main></body></html>";

    public static string Login(bool failed) =>
        FrontPage.PageStart("TikTokBot playground: sign in") +
        "<h1>Playground</h1><p>Here the playground asks for the dashboard token (<code>Scheduler:DashboardToken</code>).</p>" +
        (failed ? "<p class=\"problems\">That token is not right.</p>" : "") +
        "<form method=\"post\" action=\"/playground/login\"><label for=\"token\">Token</label> " +
        "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\"> <button type=\"submit\">Sign in</button></form>" +
        "</main></body></html>";
}
