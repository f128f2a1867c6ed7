using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TikTokBot.TikTok.Accounts;

public static class TikTokAccountsRegistration
{
    /// <summary>Registers <see cref="TikTokAccountsClient"/> with <c>TikTok:AppId</c>, <c>TikTok:AppSecret</c>, <c>TikTok:AuthorizeUrl</c>.</summary>
    public static IServiceCollection AddTikTokAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TikTokAppOptions>(configuration.GetSection(TikTokAppOptions.SectionName));
        Quota.TikTokQuotaGrantHandler.AddTikTokQuotaGrants(services.AddHttpClient(nameof(TikTokAccountsClient), http => http.Timeout = TimeSpan.FromSeconds(20)));
        services.AddSingleton(sp => new TikTokAccountsClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TikTokAccountsClient)),
            sp.GetRequiredService<IOptionsMonitor<TikTokAppOptions>>(),
            sp.GetRequiredService<ILogger<TikTokAccountsClient>>(), sp.GetService<Quota.TikTokQuota>()));
        return services;
    }
}
