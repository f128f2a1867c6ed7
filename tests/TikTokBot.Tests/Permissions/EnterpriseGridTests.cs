using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.OAuth;

namespace TikTokBot.Tests.Permissions;

/// <summary>The fake Slack with no single-workspace token: every call goes out with a stored installation's token.</summary>
public sealed class OrgWideInstallAppFactory : FakeSlackAppFactory
{
    public const string OrgToken = "xoxb-org-wide-token";

    protected override IEnumerable<(string Key, string Value)> MoreSettings() => [("Slack:BotToken", "")];
}

/// <summary>An Enterprise Grid org-wide installation is kept under its enterprise id; a permission check finds it by the id the request carries.</summary>
public sealed class EnterpriseGridTests : IClassFixture<OrgWideInstallAppFactory>
{
    private readonly OrgWideInstallAppFactory _factory;

    public EnterpriseGridTests(OrgWideInstallAppFactory factory) => _factory = factory;

    [Fact]
    public async Task An_admin_of_a_workspace_in_an_org_wide_install_changes_settings_checked_with_the_org_token()
    {
        await _factory.Services.GetRequiredService<IInstallationStore>().SaveAsync(
            new SlackInstallation { EnterpriseId = "E-GRID", IsEnterpriseInstall = true, BotToken = OrgWideInstallAppFactory.OrgToken }, CancellationToken.None);

        var answer = await Ask.Command(_factory, "T-GRID-WORKSPACE", "U-ADMIN-GRID", "target campaign-42 cpa 25 min 50", enterpriseId: "E-GRID");

        Assert.Contains("Saved for", answer);
        Assert.Contains(_factory.Calls, c => c.Method == "users.info" && c.Authorization == $"Bearer {OrgWideInstallAppFactory.OrgToken}");
    }
}
