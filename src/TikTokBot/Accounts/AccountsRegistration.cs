using TikTokBot.Configuration;
using TikTokBot.TikTok.Accounts;

namespace TikTokBot.Accounts;

public static class AccountsRegistration
{
    /// <summary>Registers the TikTok accounts capability: the advertiser OAuth client, the state signer and <see cref="AccountsService"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTikTokAccounts(configuration);
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.SectionName));
        services.AddSingleton<ConnectStateSigner>();
        services.AddSingleton<AccountsService>();
        return services;
    }
}
