using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>
/// Reads the token a login page posts. Anything that is not a small form is the caller's mistake, a 4xx: reading it
/// with <c>ReadFormAsync</c> regardless threw, and the host turned that into a 500.
/// </summary>
internal static class LoginForm
{
    /// <summary>The typed token, or the answer to give instead (415 for another content type, 400 for a broken form).</summary>
    public static async Task<(string? Token, IResult? Refusal)> ReadTokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return (null, Results.Text("expected_form", "text/plain", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        // A token field and some slack (Web:LoginFormMaxBytes): a login form has no business being larger.
        var maxFormBytes = Math.Max(1, request.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<WebOptions>>().CurrentValue.LoginFormMaxBytes);
        if (request.ContentLength > maxFormBytes)
        {
            return (null, Results.Text("form_too_large", "text/plain", statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            var form = await new FormFeature(request, new FormOptions
            {
                ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = maxFormBytes, MultipartBodyLengthLimit = maxFormBytes,
                BufferBodyLengthLimit = maxFormBytes,
            }).ReadFormAsync(request.HttpContext.RequestAborted);
            return (form["token"].ToString(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException)
        {
            return (null, Results.Text("malformed_form", "text/plain", statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
