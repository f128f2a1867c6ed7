using System.Reflection;
using System.Text;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Web.Playground;
using TikTokBot.Web.Security;

namespace TikTokBot.Web;

internal static class WebApi
{
    /// <summary>The front page, the playground and its two JSON calls, and their script and style.</summary>
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", FrontPage.Render);
        routes.MapGet(FrontPage.StylePath, FrontPage.StyleSheet);

        var playground = routes.MapGroup("/playground").AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<PlaygroundAccess>();
            if (access.Allows(context.HttpContext))
            {
                return await next(context);
            }

            // A page that needs the token offers the login form; a JSON call, or a playground that is off, is not there.
            var isPage = context.HttpContext.Request.Path.Value?.TrimEnd('/') == "/playground";
            return access.Decide(context.HttpContext) == PlaygroundDecision.NeedsToken && isPage
                ? Results.Content(PlaygroundPage.Login(failed: false), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized)
                : Results.NotFound();
        });
        playground.MapGet("", () => Results.Content(PlaygroundPage.Html, "text/html; charset=utf-8"));
        playground.MapGet("/playground.js", () => Asset("playground.js", "text/javascript; charset=utf-8"));
        playground.MapGet("/playground.css", () => Asset("playground.css", "text/css; charset=utf-8"));
        playground.MapPost("/api/command", async (PlaygroundCommand body, PlaygroundService service, CancellationToken ct) =>
            Messages(await service.RunAsync(body.Text ?? "", ct)));
        playground.MapPost("/api/action", async (PlaygroundAction body, PlaygroundService service, CancellationToken ct) =>
            Messages(await service.PressAsync(body.ActionId ?? "", body.Value ?? "", body.Thread, body.SelectedUser, ct)));
        playground.MapGet("/api/follow-ups", (long? after, Checkins.PlaygroundFollowUps kept) =>
        {
            var (messages, next) = kept.After(after ?? 0);
            return Results.Content($"{{\"next\":{next},\"messages\":[{string.Join(",", messages.Select(BlockKitJson.Serialize))}]}}", "application/json; charset=utf-8");
        });
        playground.MapPost("/api/ask", async (PlaygroundQuestion body, PlaygroundAsk ask, CancellationToken ct) =>
            Messages(await ask.AskAsync(body.Text, body.Conversation, ct)));
        playground.MapPost("/api/ask/action", async (PlaygroundAskAction body, PlaygroundAsk ask, CancellationToken ct) =>
            Messages(await ask.PressAsync(body.ActionId, body.Value, body.Conversation, ct)));

        routes.MapPost("/playground/login", async (HttpContext http, PlaygroundAccess access) =>
        {
            if (access.Decide(http) != PlaygroundDecision.NeedsToken)
            {
                return Results.NotFound();
            }

            var (typed, refusal) = await LoginForm.ReadTokenAsync(http.Request);
            if (refusal is not null)
            {
                return refusal;
            }

            if (!access.TrySignIn(http, typed!))
            {
                return Results.Content(PlaygroundPage.Login(failed: true), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Redirect("/playground");
        }).DisableAntiforgery().RequireRateLimiting(WebSecurity.LoginPolicy);
        return routes;
    }

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName));
        services.AddWebSecurity(configuration);
        services.AddSingleton<PlaygroundAccess>();
        services.AddSingleton<PlaygroundService>();
        services.AddSingleton<PlaygroundAsk>();
        return services;
    }

    // The same Block Kit JSON a Slack handler sends, one array entry per message.
    private static IResult Messages(IReadOnlyList<SlackMessage> messages) =>
        Results.Content("[" + string.Join(",", messages.Select(BlockKitJson.Serialize)) + "]", "application/json; charset=utf-8");

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Web/" + name)
            ?? throw new InvalidOperationException($"The playground asset {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Results.Content(reader.ReadToEnd(), contentType);
    }
}
