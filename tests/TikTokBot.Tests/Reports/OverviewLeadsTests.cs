using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Permissions;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// A fresh workspace on the demo data, on 2026-11-22: the learning phase and the credit window lead the summary, the fix
/// list and <c>list</c>, and the digest agrees with <c>/ttmetrics … yesterday</c> on which day yesterday is.
/// </summary>
public sealed class OverviewLeadsTests : IClassFixture<FixedClockAppFactory>
{
    private readonly FixedClockAppFactory _factory;

    public OverviewLeadsTests(FixedClockAppFactory factory) => _factory = factory;

    private async Task<List<string>> ListRows(string team)
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var messages = await handler.ReplyAsync(CommandParser.Parse("list"), new Asker(team, "U1"), CancellationToken.None);
        return messages.Select(m => System.Text.Json.Nodes.JsonNode.Parse(Slack.BlockKit.BlockKitJson.Serialize(m))!["blocks"]!.AsArray())
            .SelectMany(blocks => blocks).Where(b => (string?)b!["type"] == "table")
            .SelectMany(b => b!["rows"]!.AsArray()).Select(row => string.Join(" | ", row!.AsArray().Select(c => (string?)c!["text"])))
            .ToList();
    }

    private async Task<string> Ask(string text, string team)
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var messages = await handler.ReplyAsync(CommandParser.Parse(text), new Asker(team, "U1"), CancellationToken.None);
        return string.Concat(messages.Select(TerminalMode.Render));
    }

    [Fact]
    public async Task List_shows_the_learning_phase_and_the_credit_window_where_it_said_nothing_to_fix()
    {
        // The list is a table; its cells hold the whole line (the terminal's text form cuts long cells).
        var lines = await ListRows("T-LEADS-LIST");

        var learning = Assert.Single(lines, l => l.StartsWith("campaign-45", StringComparison.Ordinal));
        Assert.Contains("learning, day 2, ", learning);
        Assert.Contains("hands off until 2026-11-", learning);
        Assert.DoesNotContain("nothing to fix", learning);
        var credit = Assert.Single(lines, l => l.StartsWith("campaign-46", StringComparison.Ordinal));
        Assert.Contains("credit left $", credit);
        Assert.Contains("runs out about 2026-1", credit);
        Assert.DoesNotContain("nothing to fix", credit);
    }

    [Fact]
    public async Task The_summary_and_the_fix_list_open_with_the_learning_phase_and_the_credit_window()
    {
        var summary = (await Ask("campaign-45", "T-LEADS")).Split('\n');
        var fixes = (await Ask("campaign-46 fix", "T-LEADS")).Split('\n');

        // Header, underline, context, then the lead.
        Assert.StartsWith(":hourglass_flowing_sand: Day 2 of learning", summary[3]);
        Assert.StartsWith(":credit_card: Ad credit: credit left $", fixes[2]);
        Assert.Contains("will expire unused by 2026-12-12", await Ask("campaign-47 fix", "T-LEADS"));
    }

    [Fact]
    public async Task A_fresh_workspace_on_the_demo_data_gets_the_digests_credit_section()
    {
        var digest = await Ask("digest now", "T-LEADS-DIGEST");

        Assert.Contains("Credit: $", digest);
        Assert.Contains("runs out about", digest);
        Assert.Contains("will expire unused by", digest);
    }

    [Fact]
    public async Task The_digest_and_a_summary_for_yesterday_agree_on_the_day()
    {
        var digest = await Ask("digest now campaign-42", "T-LEADS-DAY");
        var yesterday = await Ask("campaign-42 yesterday", "T-LEADS-DAY");

        Assert.Contains("Daily digest · 2026-11-21", digest);
        Assert.Contains("Website conversions · 2026-11-21\n", yesterday);
    }
}
