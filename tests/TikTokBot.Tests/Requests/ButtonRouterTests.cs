using System.Reflection;
using TikTokBot.Interactions;
using TikTokBot.Requests;

namespace TikTokBot.Tests.Requests;

public sealed class ButtonRouterTests
{
    [Fact]
    public void Every_button_id_a_view_can_draw_is_answered_by_the_one_router()
    {
        var ids = typeof(ButtonIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(21, ids.Count);
        Assert.Empty(ids.Except(ButtonRouter.ActionIds));
        Assert.StartsWith(ButtonRouter.ProposalPrefix, ButtonIds.ProposeFor(Domain.Actions.ActionIntent.Pause(Domain.Actions.ActionLevel.AdGroup, "1800000000000099")), StringComparison.Ordinal);
    }
}
