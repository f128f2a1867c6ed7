using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Installations;
using TikTokBot.Slack.OAuth;

namespace TikTokBot.Tests;

public sealed class StoredInstallationStoreTests : IClassFixture<KestrelAppFactory>
{
    private readonly IInstallationStore _store;

    public StoredInstallationStoreTests(KestrelAppFactory factory) => _store = factory.Services.GetRequiredService<IInstallationStore>();

    [Fact]
    public async Task The_app_keeps_installations_in_its_database_one_workspace_at_a_time()
    {
        Assert.IsType<StoredInstallationStore>(_store);
        await _store.SaveAsync(new SlackInstallation { TeamId = "T-INSTALL-A", BotToken = "xoxb-team-a", BotUserId = "B1", InstallerUserId = "U1" }, CancellationToken.None);

        var found = await _store.FindAsync(null, "T-INSTALL-A", CancellationToken.None);
        var other = await _store.FindAsync(null, "T-INSTALL-B", CancellationToken.None);

        Assert.Equal("xoxb-team-a", found!.BotToken);
        Assert.Equal("B1", found.BotUserId);
        Assert.Null(other);
    }

    [Fact]
    public async Task Uninstalling_forgets_the_token()
    {
        await _store.SaveAsync(new SlackInstallation { TeamId = "T-UNINSTALL", BotToken = "xoxb-gone" }, CancellationToken.None);

        await _store.DeleteAsync(null, "T-UNINSTALL", CancellationToken.None);

        Assert.Null(await _store.FindAsync(null, "T-UNINSTALL", CancellationToken.None));
    }

    [Fact]
    public async Task A_workspace_of_an_org_wide_install_uses_the_enterprise_token()
    {
        await _store.SaveAsync(new SlackInstallation { EnterpriseId = "E-ORG", IsEnterpriseInstall = true, BotToken = "xoxb-org" }, CancellationToken.None);

        var found = await _store.FindAsync("E-ORG", "T-IN-ORG", CancellationToken.None);

        Assert.Equal("xoxb-org", found!.BotToken);
    }
}
