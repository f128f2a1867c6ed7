using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TikTokBot.LoadTest;

/// <summary>
/// The response_url of the replayed requests: answers 200 at once, as Slack does, and counts what arrives, so a run
/// can tell how many summaries missed the inline answer and how many button answers were delivered.
/// </summary>
internal static class ResponseUrlSink
{
    public static async Task<int> RunAsync(Arguments arguments, CancellationToken stop)
    {
        long delivered = 0;
        await using var app = LocalServer.Create((int)arguments.Number("port"));
        app.MapPost("/hook/{**rest}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref delivered);
            return Results.Ok();
        });
        app.MapGet("/count", () => Results.Text(Interlocked.Read(ref delivered).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.StartAsync(stop);
        Console.WriteLine(LocalServer.Address(app));
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
