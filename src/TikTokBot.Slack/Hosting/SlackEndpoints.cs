using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.OAuth;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Verification;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack;

public static partial class SlackEndpoints
{
    /// <summary>
    /// Maps <c>POST {prefix}/commands</c>, <c>/interactions</c> and <c>/events</c> (signature verified before
    /// anything else) and <c>GET {prefix}/install</c> and <c>/oauth/callback</c> (OAuth v2).
    /// </summary>
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints, string prefix = "/slack")
    {
        var group = endpoints.MapGroup(prefix);
        var signed = group.MapGroup("").AddEndpointFilter<SlackVerificationFilter>().DisableAntiforgery();
        signed.MapPost("/commands", Commands);
        signed.MapPost("/interactions", Interactions);
        signed.MapPost("/events", Events);
        group.MapGet("/install", Install);
        group.MapGet("/oauth/callback", OAuthCallback);
        return group;
    }

    private static Task<IResult> Commands(HttpContext http, SlackDispatcher dispatcher) =>
        Answer(http, dispatcher, static (body, d) => d.DispatchCommandAsync(SlackPayloadParser.ParseSlashCommand(body.Span)));

    private static Task<IResult> Interactions(HttpContext http, SlackDispatcher dispatcher) =>
        Answer(http, dispatcher, static (body, d) => d.DispatchInteractionAsync(SlackPayloadParser.ParseInteractionForm(body.Span)));

    private static Task<IResult> Events(HttpContext http, SlackDispatcher dispatcher) =>
        Answer(http, dispatcher, static (body, d) => SlackPayloadParser.ParseEvent(body.Span) switch
        {
            UrlVerification challenge => Task.FromResult(new SlackAckResponse(System.Text.Encoding.UTF8.GetBytes(challenge.Challenge)) { IsText = true }),
            EventCallback callback => d.DispatchEventAsync(callback),
            _ => throw new SlackPayloadException("unsupported_event_type"),
        });

    private static async Task<IResult> Answer(
        HttpContext http, SlackDispatcher dispatcher, Func<SlackRawBody, SlackDispatcher, Task<SlackAckResponse>> dispatch)
    {
        var body = http.Features.Get<SlackRawBody>() ?? throw new InvalidOperationException("Slack endpoints need the verification filter.");
        Task<SlackAckResponse> ack;
        try
        {
            ack = dispatch(body, dispatcher);
        }
        catch (SlackPayloadException ex)
        {
            return Results.Text(ex.Reason, "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            var response = await ack;
            if (response.Json is null)
                return Results.Ok();
            return new AckBody(response.Json, response.IsText ? "text/plain" : "application/json");
        }
        catch (Exception)
        {
            // The dispatcher already logged the handler's failure.
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>
    /// The acknowledgement's bytes written as they are: a file result's range and entity-tag handling, which an ack
    /// never needs, was a measurable share of a cached reply.
    /// </summary>
    private sealed class AckBody(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            return response.BodyWriter.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }

    /// <summary>The cookie that binds an install state to the browser that started it.</summary>
    public const string InstallCookie = "tiktokbot_slack_install";

    private static async Task<IResult> Install(HttpContext http, OAuthStateService states, IOptionsMonitor<SlackOptions> options)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrEmpty(o.ClientId) || string.IsNullOrEmpty(o.ClientSecret))
            return Results.Text("oauth_not_configured", "text/plain", statusCode: StatusCodes.Status404NotFound);
        if (await states.IssueAsync(http.RequestAborted) is not { } issued)
            return Results.Text("too_many_installs_in_progress", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
        // Lax, not Strict: the browser must send it on the top-level redirect back from Slack.
        http.Response.Cookies.Append(InstallCookie, issued.BrowserSecret, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = InstallCookiePath(http), MaxAge = o.OAuthStateLifetime,
        });
        var query = new Dictionary<string, string?> { ["client_id"] = o.ClientId, ["scope"] = o.Scopes, ["state"] = issued.State };
        if (!string.IsNullOrEmpty(o.RedirectUri))
            query["redirect_uri"] = o.RedirectUri;
        return Results.Redirect(QueryHelpers.AddQueryString(o.AuthorizeUrl, query));
    }

    /// <summary>The Slack endpoints' prefix (the install page's folder), where the callback also lives.</summary>
    private static string InstallCookiePath(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).Value ?? "/";
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    private static async Task<IResult> OAuthCallback(
        HttpContext http, OAuthStateService states, ISlackAppApi api, IInstallationStore installations,
        IOptionsMonitor<SlackOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints).FullName!);
        var query = http.Request.Query;
        if (!string.IsNullOrEmpty(query["error"]))
            return BadRequest("installation_cancelled");
        var reason = await states.ConsumeAsync(query["state"], http.Request.Cookies[InstallCookie], http.RequestAborted);
        if (reason.Length > 0)
        {
            LogInstallRefused(logger, reason);
            return BadRequest(reason);
        }
        var code = (string?)query["code"];
        if (string.IsNullOrEmpty(code))
            return BadRequest("missing_code");

        OAuthV2AccessResponse access;
        try
        {
            access = await api.OAuthV2AccessAsync(code, options.CurrentValue.RedirectUri, http.RequestAborted);
        }
        catch (SlackApiException ex)
        {
            LogInstallRefused(logger, ex.Error);
            return BadRequest("oauth_failed: " + ex.Error);
        }
        if (string.IsNullOrEmpty(access.AccessToken) || (access.Team is null && access.Enterprise is null))
            return BadRequest("oauth_incomplete");

        var installation = new SlackInstallation
        {
            EnterpriseId = access.Enterprise?.Id,
            EnterpriseName = access.Enterprise?.Name,
            TeamId = access.Team?.Id,
            TeamName = access.Team?.Name,
            IsEnterpriseInstall = access.IsEnterpriseInstall,
            BotToken = access.AccessToken,
            BotUserId = access.BotUserId,
            BotScopes = access.Scope,
            AppId = access.AppId,
            InstallerUserId = access.AuthedUser?.Id,
            InstalledAt = time.GetUtcNow(),
        };
        await installations.SaveAsync(installation, http.RequestAborted);
        LogInstalled(logger, installation.EnterpriseId, installation.TeamId);
        return Results.Text($"Installed in {installation.TeamName ?? installation.EnterpriseName}. You can close this tab.", "text/plain");
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, "text/plain", statusCode: StatusCodes.Status400BadRequest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install refused: {Reason}")]
    private static partial void LogInstallRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack installation saved (enterprise {EnterpriseId}, team {TeamId})")]
    private static partial void LogInstalled(ILogger logger, string? enterpriseId, string? teamId);
}
