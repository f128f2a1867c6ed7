using System.Text.Json.Nodes;
using TikTokBot.Actions;
using TikTokBot.Testing;
using static TikTokBot.Tests.Actions.ActingRequests;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Actions;

/// <summary>
/// The "What should I fix?" reply's action buttons, over signed requests on Kestrel with the fake Slack and the fake
/// TikTok (whose campaigns are the demo data set's): which findings get one, what it proposes, and that it leads to
/// the usual confirmation with the right numbers and to exactly one write.
/// </summary>
public sealed class FixButtonsTests
{
    private const string Admin = "U-ADMIN-1";
    private const string Campaign48 = "1800000000000048";

    [Fact]
    public async Task Spend_without_results_carries_a_pause_button_per_ad_group_spending_without_results_and_one_leads_to_one_write()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var fixes = Said(await CommandAsync(app, client, Admin, "campaign-48 fix", hook.Url));

        Assert.Contains("Spend without results", fixes);
        Assert.Equal($"p1|{Campaign48}|pause|adgroup|{Campaign48}-g1|", ButtonValue(fixes, $"action.propose.pause.{Campaign48}-g1"));
        Assert.Equal($"p1|{Campaign48}|pause|adgroup|{Campaign48}-g2|", ButtonValue(fixes, $"action.propose.pause.{Campaign48}-g2"));
        Assert.Equal($"p1|{Campaign48}|pause|adgroup|{Campaign48}-g3|", ButtonValue(fixes, $"action.propose.pause.{Campaign48}-g3"));
        Assert.Equal($"p1|{Campaign48}|pause|campaign|{Campaign48}|", ButtonValue(fixes, $"action.propose.pause.{Campaign48}"));
        Assert.Equal(["Pause ad group Broad 18-44", "Pause ad group Interest: fashion", "Pause ad group Lookalike 1%", "Pause campaign"], ButtonLabels(fixes));

        await PressAsync(app, client, Admin, $"action.propose.pause.{Campaign48}-g1", $"p1|{Campaign48}|pause|adgroup|{Campaign48}-g1|", hook.Url);
        var proposal = Said(await hook.NextAsync());
        Assert.StartsWith("This will pause Ad group Broad 18-44 (running -> paused). Today's spend so far: $", proposal);
        Assert.Contains($"ad group id {Campaign48}-g1 · campaign campaign-48 Retargeting Test, id {Campaign48}", proposal);
        Assert.Empty(app.TikTok.Writes.Writes);

        await PressAsync(app, client, Admin, ButtonIds.Confirm, ButtonValue(proposal, ButtonIds.Confirm), hook.Url);
        Assert.StartsWith("Ad group Broad 18-44 paused; it was spending $45.00 a day.", Said(await hook.NextAsync()));
        var write = Assert.Single(app.TikTok.Writes.Writes);
        Assert.Equal("adgroup/status/update/", write.Path);
        Assert.Equal($"{Campaign48}-g1", write.Body["adgroup_ids"]![0]!.GetValue<string>());
        Assert.False(app.TikTok.Writes.Get($"{Campaign48}-g1").Enabled);
    }

    [Fact]
    public async Task Room_to_scale_carries_a_raise_budget_button_of_the_configured_step_whose_confirmation_gives_the_numbers()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var fixes = Said(await CommandAsync(app, client, Admin, "campaign-41 fix", hook.Url));

        Assert.Contains("Room to scale", fixes);
        const string value = "p1|1800000000000041|budget|campaign|1800000000000041|+20%";
        Assert.Equal(value, ButtonValue(fixes, "action.propose.budget.1800000000000041"));
        Assert.Contains("Raise budget +20%", ButtonLabels(fixes));
        Assert.DoesNotContain(ButtonLabels(fixes), l => l.StartsWith("Pause", StringComparison.Ordinal));

        await PressAsync(app, client, Admin, "action.propose.budget.1800000000000041", value, hook.Url);
        var proposal = Said(await hook.NextAsync());
        Assert.StartsWith("This will change the daily budget of Campaign campaign-41 Evergreen Prospecting from $220.00 to $264.00 (+20%).", proposal);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, ButtonValue(proposal, ButtonIds.Confirm), hook.Url);
        Assert.StartsWith("Campaign campaign-41 Evergreen Prospecting: budget $220.00 -> $264.00 a day", Said(await hook.NextAsync()));
        var write = Assert.Single(app.TikTok.Writes.Writes);
        Assert.Equal(("campaign/update/", 264m), (write.Path, write.Body["budget"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Findings_whose_fixes_are_no_single_action_carry_no_button()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var fixes = Said(await CommandAsync(app, client, Admin, "campaign-43 fix", hook.Url));

        Assert.Contains("What to fix: campaign-43", fixes);
        Assert.Empty(ButtonLabels(fixes));
    }

    [Fact]
    public async Task On_an_Ads_Manager_export_spend_without_results_carries_no_button()
    {
        var folder = Directory.CreateTempSubdirectory("tiktokbot-fix-csv-").FullName;
        try
        {
            var path = Path.Combine(folder, "export.csv");
            var lines = new List<string> { "By Day,Campaign name,Objective,Ad group name,Cost,Impressions,Clicks (destination),Conversions" };
            for (var day = 1; day <= 7; day++)
            {
                lines.Add($"{new DateOnly(2026, 11, 20).AddDays(-day):yyyy-MM-dd},Retargeting,CONVERSIONS,Broad,90,12000,110,0");
            }

            await File.WriteAllLinesAsync(path, lines);
            using var app = new ActingAppFactory(csvPath: path);
            using var client = app.CreateKestrelClient();
            await using var hook = await ResponseUrlHook.StartAsync();

            var fixes = Said(await CommandAsync(app, client, Admin, "Retargeting fix", hook.Url));

            Assert.Contains("Spend without results", fixes);
            Assert.DoesNotContain("action.propose", fixes);
            Assert.Empty(ButtonLabels(fixes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_forged_fix_button_naming_an_ad_group_outside_this_workspaces_campaigns_writes_nothing()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();
        // Another workspace's advertiser, which the fake TikTok would let this token read and write if asked.
        app.TikTok.Writes.Set(new FakeObject("9100000000000001", "Their campaign", "9100000000000001", true, 500m, "BUDGET_MODE_DAY", false));
        app.TikTok.Writes.Set(new FakeObject("9100000000000001-g1", "Their ad group", "9100000000000001", true, 200m, "BUDGET_MODE_DAY", false));

        // Our campaign with their ad group, and their campaign outright.
        await PressAsync(app, client, Admin, "action.propose.pause.9100000000000001-g1", $"p1|{Campaign48}|pause|adgroup|9100000000000001-g1|", hook.Url);
        var refused = Said(await hook.NextAsync());
        Assert.Contains($"TikTok has no ad group 9100000000000001-g1 in campaign {Campaign48}; nothing was changed.", refused);
        Assert.DoesNotContain(ButtonIds.Confirm, refused);
        await PressAsync(app, client, Admin, "action.propose.budget.9100000000000001-g1", "p1|9100000000000001|budget|adgroup|9100000000000001-g1|+20%", hook.Url);
        Assert.Contains("not among this workspace's campaigns", Said(await hook.NextAsync()));

        Assert.Empty(app.TikTok.Writes.Writes);
        Assert.True(app.TikTok.Writes.Get("9100000000000001-g1").Enabled);
    }

    /// <summary>The labels of every button in the message's action blocks, in order.</summary>
    private static List<string> ButtonLabels(string said)
    {
        var blocks = JsonNode.Parse(said[(said.IndexOf('\n') + 1)..])!["blocks"]!.AsArray();
        return blocks.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Where(e => e!["action_id"]!.GetValue<string>().StartsWith("action.propose", StringComparison.Ordinal))
            .Select(e => e!["text"]!["text"]!.GetValue<string>())
            .ToList();
    }
}
