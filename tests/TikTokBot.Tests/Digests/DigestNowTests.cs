using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Tests.Digests;

public sealed class DigestNowTests : IClassFixture<FixedClockAppFactory>
{
    private readonly FixedClockAppFactory _factory;

    public DigestNowTests(FixedClockAppFactory factory) => _factory = factory;

    private async Task<string> Ask(string text, string team)
    {
        using var scope = _factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<MetricsCommandHandler>();
        var messages = await handler.ReplyAsync(CommandParser.Parse(text), new Asker(team, "U1", IsLocalOperator: true), CancellationToken.None);
        return string.Concat(messages.Select(TerminalMode.Render));
    }

    [Fact]
    public async Task The_digest_shows_the_credit_window_and_learning_phase_of_each_campaign()
    {
        var today = FixedClockAppFactory.Today;
        await Ask($"credit campaign-46 6000 {today.AddDays(-18):yyyy-MM-dd}..{today.AddDays(40):yyyy-MM-dd}", "T-DIGEST");
        await Ask("target campaign-46 cpa 25 min 50", "T-DIGEST");

        var digest = await Ask("digest now campaign-45 campaign-46 campaign-47", "T-DIGEST");

        Assert.Contains("Learning: day 2", digest);
        Assert.Contains("left, runs out about", digest);
        Assert.Contains("above the $25.00 target", digest);
        Assert.Contains("since launch", digest);
        Assert.Contains("[What should I fix?]", digest);
        Assert.DoesNotContain("campaign-42", digest);
    }

    [Fact]
    public async Task A_campaign_without_credit_has_no_credit_line()
    {
        var digest = await Ask("digest now campaign-42", "T-DIGEST-NONE");

        Assert.DoesNotContain("Credit:", digest);
        Assert.Contains("campaign-42", digest);
    }

    [Fact]
    public async Task An_unknown_campaign_in_the_digest_gets_the_closest_names()
    {
        Assert.Contains("Closest", await Ask("digest now campain-46", "T-DIGEST"));
    }
}
