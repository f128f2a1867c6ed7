using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Storage;
using TikTokBot.Tests.Permissions;

namespace TikTokBot.Tests.Isolation;

/// <summary>
/// One workspace's criteria, credit and aliases are out of another's reach through every command, button and modal,
/// even for its admins and even with the other workspace's campaign ids in hand.
/// </summary>
public sealed class WorkspaceIsolationTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public WorkspaceIsolationTests(FakeSlackAppFactory factory) => _factory = factory;

    private static Dictionary<string, object> Button(string team, string user, string actionId, string value, string responseUrl) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new { id = team },
        ["user"] = new { id = user },
        ["trigger_id"] = $"trigger-{team}",
        ["response_url"] = responseUrl,
        ["container"] = new { type = "message" },
        ["actions"] = new[] { new { action_id = actionId, type = "button", value } },
    };

    [Fact]
    public async Task A_modal_submitted_in_another_workspace_for_the_same_campaign_id_changes_only_that_workspace()
    {
        await SlackAsk.Interaction(_factory, SlackAsk.CriteriaSubmission("T-ISO-A", "U-ADMIN-A", "25"));
        await SlackAsk.Interaction(_factory, SlackAsk.CriteriaSubmission("T-ISO-B", "U-ADMIN-B", "20"));

        // campaign-42 costs $33.87 per conversion, so both targets show in the cost finding.
        Assert.Contains("target of $25.00", await SlackAsk.Command(_factory, "T-ISO-A", "U-READER-A", "campaign-42"));
        Assert.Contains("target of $20.00", await SlackAsk.Command(_factory, "T-ISO-B", "U-READER-B", "campaign-42"));
    }

    [Fact]
    public async Task The_criteria_modal_opened_in_another_workspace_shows_none_of_the_first_workspaces_values()
    {
        await SlackAsk.Interaction(_factory, SlackAsk.CriteriaSubmission("T-ISO-C", "U-ADMIN-C", "31.5"));

        await SlackAsk.Interaction(_factory, Button("T-ISO-C", "U-ADMIN-C", "report.criteria", "1800000000000042|7d", "http://127.0.0.1:9/x"));
        await SlackAsk.Interaction(_factory, Button("T-ISO-D", "U-ADMIN-D", "report.criteria", "1800000000000042|7d", "http://127.0.0.1:9/x"));

        var own = await OpenedView("trigger-T-ISO-C");
        var other = await OpenedView("trigger-T-ISO-D");
        Assert.Contains("31.5", own);
        Assert.DoesNotContain("31.5", other);
    }

    [Theory]
    [InlineData("alias", "alias iso-e campaign-42", "iso-e", "No campaign called")]
    [InlineData("credit", "credit campaign-42 6000 2026-11-01..2026-12-31", "digest now campaign-42", "Credit:")]
    public async Task A_setting_saved_by_one_workspace_is_neither_seen_nor_used_by_another(string setting, string change, string read, string absentMarker)
    {
        await SlackAsk.Command(_factory, $"T-ISO-{setting}-A", "U-ADMIN-E", change);

        var other = await SlackAsk.Command(_factory, $"T-ISO-{setting}-B", "U-READER-E", read);

        if (setting == "alias")
        {
            Assert.Contains(absentMarker, other);
        }
        else
        {
            Assert.DoesNotContain(absentMarker, other);
        }
    }

    [Theory]
    [InlineData("report.share", "alias pwned campaign-42")]
    [InlineData("report.share", "target campaign-42 cpa 1 min 1")]
    [InlineData("report.fix", "credit campaign-42 1 2026-01-01..2026-01-02|")]
    [InlineData("report.breakdown", "alias pwned campaign-42")]
    public async Task A_report_button_whose_value_names_a_settings_command_changes_nothing(string actionId, string value)
    {
        await SlackAsk.Interaction(_factory, Button("T-ISO-BUTTON", "U-ADMIN-F", actionId, value, "http://127.0.0.1:9/x"));

        Assert.Contains("No campaign called", await SlackAsk.Command(_factory, "T-ISO-BUTTON", "U-ADMIN-F", "pwned"));
        var audit = await _factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T-ISO-BUTTON").Audit.ListAsync(100, CancellationToken.None);
        Assert.DoesNotContain(audit, c => c.ChangedBy == "U-ADMIN-F");
    }

    private async Task<string> OpenedView(string trigger)
    {
        bool Opened((string Method, string Authorization, string Body) c) => c.Method == "views.open" && c.Body.Contains(trigger, StringComparison.Ordinal);
        return (await _factory.WaitForCallsAsync(calls => calls.Any(Opened))).First(Opened).Body;
    }
}
