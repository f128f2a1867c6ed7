using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Settings;

/// <summary><c>target</c> saves the metric typed, refuses one the objective cannot be judged by with the list of those it can, and the verdict uses it.</summary>
public sealed class TargetMetricTests : IClassFixture<FixedClockAppFactory>
{
    private const string Campaign42 = "1800000000000042";

    private readonly FixedClockAppFactory _factory;

    public TargetMetricTests(FixedClockAppFactory factory) => _factory = factory;

    private async Task<string> Ask(string text, string team)
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var messages = await handler.ReplyAsync(CommandParser.Parse(text), new Asker(team, "U1", IsLocalOperator: true), CancellationToken.None);
        return string.Concat(messages.Select(TerminalMode.Render));
    }

    private Task<CampaignSuccessCriteria?> SavedAsync(string team) =>
        _factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(team).SuccessCriteria.FindAsync(Campaign42, CancellationToken.None);

    [Fact]
    public async Task A_cpc_target_is_saved_as_a_cpc_target_and_the_verdict_judges_cpc()
    {
        var answer = await Ask("target campaign-42 cpc 0.5 min 20", "T-TARGET-CPC");
        var summary = await Ask("campaign-42", "T-TARGET-CPC");

        Assert.Contains("CPC (destination) at most $0.50", answer);
        var saved = await SavedAsync("T-TARGET-CPC");
        Assert.Equal(("CpcDestination", 0.5m, 20L), (saved!.Metric, saved.TargetCostPerOutcome, saved.MinimumVolume));
        Assert.Contains("CPC (destination) $", summary);
        Assert.Contains("against a target of $0.50", summary);
    }

    [Fact]
    public async Task Roas_is_a_minimum_to_reach()
    {
        var answer = await Ask("target campaign-42 roas 2 min 20", "T-TARGET-ROAS");
        var summary = await Ask("campaign-42", "T-TARGET-ROAS");

        Assert.Contains("ROAS at least 2.00", answer);
        Assert.Contains("against a minimum of 2.00", summary);
    }

    [Theory]
    [InlineData("target campaign-42 banana 25 min 50", "`banana` is not a metric", "`cpa` (Cost per conversion), `cpc` (CPC (destination)), `cpm` (CPM), `roas` (ROAS)")]
    [InlineData("target campaign-47 cpc 25 min 50", "`cpc` is not a metric", "`cpm` (CPM), `cpmr` (Cost per 1,000 reached)")]
    public async Task A_metric_the_objective_cannot_be_judged_by_is_refused_with_the_ones_it_can(string text, string refusal, string allowed)
    {
        var team = "T-TARGET-NO-" + text.Split(' ')[1];
        var before = await SavedAsync(team);

        var answer = await Ask(text, team);

        Assert.Contains(refusal, answer);
        Assert.Contains(allowed, answer);
        Assert.Equal(before?.TargetCostPerOutcome, (await SavedAsync(team))?.TargetCostPerOutcome);
        Assert.DoesNotContain(await _factory.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(team).Audit.ListAsync(10, CancellationToken.None), c => c.ChangedBy == "U1");
    }
}
