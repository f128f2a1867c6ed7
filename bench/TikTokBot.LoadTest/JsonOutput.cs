using System.Net;
using System.Text.Json;

namespace TikTokBot.LoadTest;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>A client for loopback load: no proxy, connections kept open for the whole run, and as many as the load needs.</summary>
    public static HttpClient LoopbackClient(int maxConnections = 512) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = maxConnections,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
