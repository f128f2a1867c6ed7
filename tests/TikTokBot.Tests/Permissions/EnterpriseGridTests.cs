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

        var answer = await SlackAsk.Command(_factory, "T-GRID-WORKSPACE", "U-ADMIN-GRID", "target campaign-42 cpa 25 min 50", enterpriseId: "E-GRID");

        Assert.Contains("Saved for", answer);
        Assert.Contains(_factory.Calls, c => c.Method == "users.info" && c.Authorization == $"Bearer {OrgWideInstallAppFactory.OrgToken}");
    }

    // One permission policy: every capability that asks finds the org-wide installation by the request's enterprise id.
    [Theory]
    [InlineData("U-ADMIN-GRID-ACT", "pause campaign campaign-42", "Confirm")]
    [InlineData("U-ADMIN-GRID-ALERTS", "alerts on", "gets alerts for")]
    [InlineData("U-ADMIN-GRID-ACCOUNTS", "disconnect 7000000000999", "No TikTok advertiser")]
    public async Task Acting_alerts_and_accounts_are_checked_with_the_org_token_too(string user, string text, string expected)
    {
        await _factory.Services.GetRequiredService<IInstallationStore>().SaveAsync(
            new SlackInstallation { EnterpriseId = "E-GRID", IsEnterpriseInstall = true, BotToken = OrgWideInstallAppFactory.OrgToken }, CancellationToken.None);

        var answer = await SlackAsk.Command(_factory, "T-GRID-WORKSPACE", user, text, enterpriseId: "E-GRID");

        Assert.Contains(expected, answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Only workspace admins", answer);
        Assert.DoesNotContain("could not check", answer);
        Assert.Contains(_factory.Calls, c => c.Method == "users.info" && c.Body.Contains(user, StringComparison.Ordinal) && c.Authorization == $"Bearer {OrgWideInstallAppFactory.OrgToken}");
    }
}
