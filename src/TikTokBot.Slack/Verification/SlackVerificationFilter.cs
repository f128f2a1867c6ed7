using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TikTokBot.Slack.Verification;

/// <summary>The verified raw body of a Slack request, read once by <see cref="SlackVerificationFilter"/>.</summary>
public sealed record SlackRawBody(byte[] Bytes, int Length)
{
    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);
}

/// <summary>
/// Reads the raw body once, refuses bodies over 1 MiB (413) and unsigned, stale or tampered requests (401)
/// before any parsing; only verified requests reach the endpoint, which finds the bytes in
/// <see cref="SlackRawBody"/> on the request features.
/// </summary>
public sealed partial class SlackVerificationFilter(
    IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackVerificationFilter> logger) : IEndpointFilter
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > MaxBodyBytes)
            return Refuse(http, StatusCodes.Status413PayloadTooLarge, "body_too_large");

        var body = await ReadBodyAsync(http.Request.Body, http.RequestAborted);
        if (body is null)
            return Refuse(http, StatusCodes.Status413PayloadTooLarge, "body_too_large");

        var verification = Handlers.SlackTelemetry.Source.StartActivity("slack verify");
        var check = SlackSignature.Verify(
            options.CurrentValue.SigningSecret,
            http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader],
            body.Span,
            time.GetUtcNow());
        verification?.SetTag("slack.signature", check.ToString()).Dispose();
        if (check != SignatureCheck.Valid)
        {
            LogRefused(logger, http.Request.Path, check);
            return Refuse(http, StatusCodes.Status401Unauthorized, "invalid_signature");
        }

        http.Features.Set(body);
        return await next(context);
    }

    private static IResult Refuse(HttpContext http, int status, string reason)
    {
        http.Response.Headers.Connection = "close";
        return Results.Text(reason, "text/plain", statusCode: status);
    }

    private static async Task<SlackRawBody?> ReadBodyAsync(Stream stream, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                        return null;
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                    break;
                length += read;
                if (length > MaxBodyBytes)
                    return null;
            }
            return new SlackRawBody(buffer.AsSpan(0, length).ToArray(), length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused Slack request to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, SignatureCheck reason);
}
