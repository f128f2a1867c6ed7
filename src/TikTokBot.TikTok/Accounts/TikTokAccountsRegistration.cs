using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TikTokBot.TikTok.Accounts;

public static class TikTokAccountsRegistration
{
    /// <summary>Registers <see cref="TikTokAccountsClient"/> with <c>TikTok:AppId</c>, <c>TikTok:AppSecret</c>, <c>TikTok:AuthorizeUrl</c>.</summary>
    public static IServiceCollection AddTikTokAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TikTokAppOptions>(configuration.GetSection(TikTokAppOptions.SectionName));
        services.AddHttpClient<TikTokAccountsClient>(http => http.Timeout = TimeSpan.FromSeconds(20));
        return services;
    }
}
