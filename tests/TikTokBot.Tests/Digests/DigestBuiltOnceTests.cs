using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Digests;
using TikTokBot.Permissions;
using static TikTokBot.Digests.DigestBuilder;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// A digest is built once per set of campaign overviews, so a thousand channels on the same campaigns share one build;
/// anything that changes an overview (another campaign set, a new target) is a new build, never a stale one.
/// </summary>
public sealed class DigestBuiltOnceTests(FixedClockAppFactory factory) : IClassFixture<FixedClockAppFactory>
{
    private Task<IReadOnlyList<CampaignDigest>> Build(string team, params string[] campaigns) =>
        factory.Services.GetRequiredService<DigestBuilder>().BuildAsync(team, campaigns, factory.Clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task Channels_on_the_same_campaigns_share_one_build_and_a_new_target_builds_again()
    {
        // The account's history read first: an overview built before it is read is not the one built after.
        await (await factory.Services.GetRequiredService<TikTokBot.Reports.ReportService>().HistoryAsync("T-DIGEST-ONCE", CancellationToken.None))!
            .ReadAsync(CancellationToken.None);
        var first = await Build("T-DIGEST-ONCE", "1800000000000042", "1800000000000043");
        var again = await Build("T-DIGEST-ONCE", "1800000000000042", "1800000000000043");
        var other = await Build("T-DIGEST-ONCE", "1800000000000042");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(["1800000000000042", "1800000000000043"], first.Select(d => d.Campaign.Id));
        Assert.Equal("1800000000000042", Assert.Single(other).Campaign.Id);

        var handler = factory.Services.GetRequiredService<MetricsCommandHandler>();
        var asker = new Asker("T-DIGEST-ONCE", "U1", IsLocalOperator: true);
        await handler.ReplyAsync(CommandParser.Parse("target campaign-42 cpa 21 min 10"), asker, CancellationToken.None);
        var afterTarget = await Build("T-DIGEST-ONCE", "1800000000000042", "1800000000000043");

        Assert.NotSame(first, afterTarget);
        Assert.Equal(first.Select(d => d.Campaign.Id), afterTarget.Select(d => d.Campaign.Id));
    }
}
