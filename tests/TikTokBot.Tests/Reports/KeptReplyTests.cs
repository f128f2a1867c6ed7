using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Commands;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Tests.Reports;

/// <summary>
/// A cached summary is written from bytes serialised once, also with the workspace's footer (the demo notice every
/// demo reply carries): the footer must not make each answer a new message to serialise again.
/// </summary>
public sealed class KeptReplyTests(FixedClockAppFactory factory) : IClassFixture<FixedClockAppFactory>
{
    private Task<IReadOnlyList<SlackMessage>> Ask(string text, string team) =>
        factory.Services.GetRequiredService<MetricsCommandHandler>().ReplyAsync(CommandParser.Parse(text), new Asker(team, "U1"), CancellationToken.None);

    [Fact]
    public async Task A_repeated_summary_with_the_demo_notice_is_the_same_kept_message()
    {
        // Nothing read beforehand: the first ask waits for the account's history rather than answer without it, so the
        // second ask is the same view, with the same yardsticks (issue 28: same question, same answer).
        var first = await Ask("campaign-42", "T-KEPT");
        var second = await Ask("campaign-42", "T-KEPT");

        var last = first[^1];
        Assert.Contains("demo data", BlockKitJson.Serialize(last), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("8 Website conversions campaigns with enough volume", string.Concat(first.Select(BlockKitJson.Serialize)), StringComparison.Ordinal);
        Assert.All(first, m => Assert.True(BlockKitJson.IsKept(m)));
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
        // The kept bytes are the message as it is now, footer included.
        Assert.Equal(BlockKitJson.Serialize(last), System.Text.Encoding.UTF8.GetString(BlockKitJson.SerializeToUtf8Bytes(last)));
    }

    [Fact]
    public async Task A_reply_built_for_one_answer_is_not_kept()
    {
        // "list" is built for each question (it is not one cached overview): nothing kept, footer still there.
        var list = await Ask("list", "T-KEPT-LIST");

        Assert.Contains("demo data", BlockKitJson.Serialize(list[^1]), StringComparison.OrdinalIgnoreCase);
        Assert.False(BlockKitJson.IsKept(list[^1]));
    }
}
