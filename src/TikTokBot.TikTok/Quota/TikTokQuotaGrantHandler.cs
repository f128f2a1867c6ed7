using Microsoft.Extensions.DependencyInjection;

namespace TikTokBot.TikTok.Quota;

/// <summary>
/// The last step before the socket on TikTok's HTTP clients: a request whose <see cref="TikTokQuotaGrant"/> expired on
/// its way here (past the client's own check) takes a new turn before it goes. Put in as the primary handler's wrapper
/// (<see cref="AddTikTokQuotaGrants"/>), so it runs below every other handler the factory adds (logging, counters).
/// </summary>
public sealed class TikTokQuotaGrantHandler : DelegatingHandler
{
    public TikTokQuotaGrantHandler(HttpMessageHandler inner) : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await TikTokQuotaGrant.EnsureFreshAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes <see cref="TikTokQuotaGrantHandler"/> the innermost handler of <paramref name="client"/>, over a pooled socket handler.</summary>
    public static IHttpClientBuilder AddTikTokQuotaGrants(IHttpClientBuilder client) =>
        client.ConfigurePrimaryHttpMessageHandler(() => new TikTokQuotaGrantHandler(new SocketsHttpHandler()));
}
