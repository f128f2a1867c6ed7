using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TikTokBot.Slack.Handlers;
using TikTokBot.TikTok.Api;
using TikTokBot.Telemetry;

namespace TikTokBot.Hosting;

internal static class TelemetryRegistration
{
    /// <summary>
    /// Traces (ASP.NET Core requests, outgoing HTTP calls, the Slack library's and the app's spans) and metrics (the same,
    /// plus the app's meters), exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it
    /// nothing leaves the process. Also counts TikTok calls and errors on the TikTok client's own HttpClient.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AppTelemetry.Name))
            .WithMetrics(metrics => metrics
                .AddMeter(AppTelemetry.Name, SlackTelemetry.Name, TikTok.Quota.TikTokQuota.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // Spans cost a tenth of a cached reply's CPU: they are recorded only when something will read them.
        if (exported || builder.Configuration.GetValue<bool>("Telemetry:RecordTraces"))
        {
            otel.WithTracing(tracing => tracing
                .AddSource(AppTelemetry.Name, SlackTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation());
        }

        if (exported)
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddTransient<TikTokCallCounter>();
        builder.Services.AddHttpClient(nameof(TikTokApiClient)).AddHttpMessageHandler<TikTokCallCounter>();
        return builder;
    }

    /// <summary>Counts Slack commands by verb and times every acknowledgement; goes on the Slack endpoints' group.</summary>
    public static RouteGroupBuilder WithSlackTelemetry(this RouteGroupBuilder slack) =>
        slack.AddEndpointFilter(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
            {
                return await next(context);
            }

            var started = Stopwatch.GetTimestamp();
            var result = await next(context);
            var kind = LastSegment(context.HttpContext.Request.Path.Value);
            AppTelemetry.AckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("slack.kind", kind));
            return result;
        });

    /// <summary>
    /// The path's last segment (<c>commands</c>, <c>interactions</c>, <c>events</c>), the endpoints' own strings for
    /// theirs, so a request allocates no string for its tag.
    /// </summary>
    internal static string LastSegment(string? path)
    {
        var last = path.AsSpan(path is null ? 0 : path.LastIndexOf('/') + 1);
        return last switch
        {
            "commands" => "commands",
            "interactions" => "interactions",
            "events" => "events",
            _ => last.ToString(),
        };
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
