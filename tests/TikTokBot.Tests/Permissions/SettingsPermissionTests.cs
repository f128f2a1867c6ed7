using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Permissions;

/// <summary>The same fake Slack, with <c>Permissions:ChangeSettings=Everyone</c>.</summary>
public sealed class EveryoneMayChangeSettingsAppFactory : FakeSlackAppFactory
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings() => [("Permissions:ChangeSettings", "Everyone")];
}

internal static class SlackAsk
{
    public static async Task<string> Command(
        KestrelAppFactory factory, string team, string user, string text, string responseUrl = "http://127.0.0.1:9/x", string? enterpriseId = null)
    {
        using var client = factory.CreateKestrelClient();
        using var request = SlackTestRequests.Signed("/slack/commands",
            $"team_id={team}&channel_id=C1&user_id={user}&command=%2Fttmetrics&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}" +
            (enterpriseId is null ? "" : $"&enterprise_id={enterpriseId}"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> Interaction(KestrelAppFactory factory, object payload)
    {
        using var client = factory.CreateKestrelClient();
        using var request = SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(payload)));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static object CriteriaSubmission(string team, string user, string target) => new Dictionary<string, object>
    {
        ["type"] = "view_submission",
        ["team"] = new { id = team },
        ["user"] = new { id = user },
        ["view"] = new Dictionary<string, object>
        {
            ["id"] = "V1",
            ["type"] = "modal",
            ["callback_id"] = "settings.criteria",
            ["private_metadata"] = "1800000000000042",
            ["state"] = new
            {
                values = new Dictionary<string, object>
                {
                    ["target"] = new { value = new { type = "number_input", value = target } },
                    ["minimum"] = new { value = new { type = "number_input", value = "50" } },
                },
            },
        },
    };
}

/// <summary>
/// Anyone may read; targets, credit and aliases are changed only by workspace admins and owners or members of the
/// configured user group, as Slack's users.info and usergroups.users.list say, through every command, button and modal.
/// </summary>
public sealed class SettingsPermissionTests : IClassFixture<FakeSlackAppFactory>
{
    private const string Refused = "Only workspace admins and members of the user group";

    private readonly FakeSlackAppFactory _factory;

    public SettingsPermissionTests(FakeSlackAppFactory factory) => _factory = factory;

    [Theory]
    [InlineData("U-ADMIN-7", "target campaign-42 cpa 25 min 50", "Saved for")]
    [InlineData("U-OWNER-7", "credit campaign-46 6000 2026-11-01..2026-12-31", "Saved:")]
    [InlineData(FakeSlackAppFactory.GroupMember, "alias push campaign-42", "now means")]
    [InlineData("U-MEMBER-7", "target campaign-42 cpa 25 min 50", Refused)]
    [InlineData("U-MEMBER-8", "credit campaign-46 6000 2026-11-01..2026-12-31", Refused)]
    [InlineData("U-MEMBER-9", "alias push campaign-42", Refused)]
    [InlineData("U-GUEST-ADMIN", "target campaign-42 cpa 25 min 50", Refused)]
    public async Task Settings_commands_are_saved_for_admins_owners_and_the_user_group_and_refused_for_everyone_else(string user, string text, string expected)
    {
        var team = "T-ROLE-" + Guid.NewGuid().ToString("N")[..8];

        var answer = await SlackAsk.Command(_factory, team, user, text);

        Assert.Contains(expected, answer);
        if (expected == Refused)
        {
            Assert.Contains("Reading still works", answer);
            await AssertNothingSavedAsync(team, user, text.Split(' ')[0]);
        }
    }

    /// <summary>The refused person's change is nowhere: not in the setting it named, not in the audit trail.</summary>
    private async Task AssertNothingSavedAsync(string team, string user, string setting)
    {
        var store = _factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(team);
        Assert.DoesNotContain(await store.Audit.ListAsync(100, CancellationToken.None), c => c.ChangedBy == user);
        switch (setting)
        {
            case "target":
                Assert.NotEqual(25m, (await store.SuccessCriteria.FindAsync("1800000000000042", CancellationToken.None))?.TargetCostPerOutcome);
                break;
            case "credit":
                Assert.DoesNotContain(await store.CreditWindows.ListAsync(CancellationToken.None), w => w.StartsOn == new DateOnly(2026, 11, 1));
                break;
            default:
                Assert.Null(await store.Aliases.FindAsync("push", CancellationToken.None));
                break;
        }
    }

    [Fact]
    public async Task A_member_who_may_not_change_settings_still_reads_every_report()
    {
        foreach (var text in new[] { "campaign-42", "campaign-42 fix", "list", "campaign-44 by age" })
        {
            Assert.DoesNotContain(Refused, await SlackAsk.Command(_factory, "T-ROLE-READ", "U-READER", text));
        }
    }

    [Fact]
    public async Task A_modal_submitted_by_a_member_is_not_saved_and_says_who_may_change_it()
    {
        var answer = await SlackAsk.Interaction(_factory, SlackAsk.CriteriaSubmission("T-ROLE-MODAL", "U-MEMBER-MODAL", "25"));

        Assert.Contains("Not saved", answer);
        Assert.Contains(Refused, answer);
        await AssertNothingSavedAsync("T-ROLE-MODAL", "U-MEMBER-MODAL", "target");
    }

    [Fact]
    public async Task The_settings_button_pressed_by_a_member_opens_no_modal_and_answers_privately()
    {
        await using var hook = await ResponseUrlHook.StartAsync();
        await SlackAsk.Interaction(_factory, new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = "T-ROLE-BUTTON" },
            ["user"] = new { id = "U-MEMBER-BUTTON" },
            ["trigger_id"] = "trigger-member",
            ["response_url"] = hook.Url,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { new { action_id = "report.credit", type = "button", value = "1800000000000042|7d" } },
        });

        var answer = await hook.NextAsync();

        Assert.Contains(Refused, answer);
        Assert.Contains("\"response_type\":\"ephemeral\"", answer);
        Assert.DoesNotContain(_factory.Calls, c => c.Method == "views.open" && c.Body.Contains("trigger-member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_slack_cannot_say_who_the_user_is_nothing_changes_and_the_next_try_asks_again()
    {
        _factory.Script("users.info", SlackFault.Error("invalid_auth"));

        var first = await SlackAsk.Command(_factory, "T-ROLE-DOWN", "U-ADMIN-DOWN", "target campaign-42 cpa 25 min 50");
        var second = await SlackAsk.Command(_factory, "T-ROLE-DOWN", "U-ADMIN-DOWN", "target campaign-42 cpa 25 min 50");

        Assert.Contains("could not check with Slack", first);
        Assert.Contains("Saved for", second);
    }

    [Fact]
    public async Task Slacks_answer_about_a_person_is_reused_for_a_while()
    {
        await SlackAsk.Command(_factory, "T-ROLE-CACHE", "U-ADMIN-CACHE", "target campaign-42 cpa 25 min 50");
        await SlackAsk.Command(_factory, "T-ROLE-CACHE", "U-ADMIN-CACHE", "alias cache-test campaign-42");

        Assert.Single(_factory.Calls, c => c.Method == "users.info" && c.Body.Contains("U-ADMIN-CACHE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_terminal_is_the_local_operator_and_may_change_settings()
    {
        using var output = new StringWriter();

        var exit = await TerminalMode.RunAsync(_factory.Services, ["ttmetrics", "target", "campaign-42", "cpa", "25", "min", "50"], output);

        Assert.Equal(0, exit);
        Assert.Contains("Saved for", output.ToString());
    }
}

public sealed class EveryoneMayChangeSettingsTests : IClassFixture<EveryoneMayChangeSettingsAppFactory>
{
    private readonly EveryoneMayChangeSettingsAppFactory _factory;

    public EveryoneMayChangeSettingsTests(EveryoneMayChangeSettingsAppFactory factory) => _factory = factory;

    [Fact]
    public async Task With_everyone_allowed_a_member_saves_settings_without_asking_slack()
    {
        var answer = await SlackAsk.Command(_factory, "T-EVERYONE", "U-MEMBER", "target campaign-42 cpa 25 min 50");

        Assert.Contains("Saved for", answer);
        Assert.DoesNotContain(_factory.Calls, c => c.Method == "users.info");
    }
}
