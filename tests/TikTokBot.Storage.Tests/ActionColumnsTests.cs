using TikTokBot.Domain.Actions;
using TikTokBot.Storage.Workspace;

namespace TikTokBot.Storage.Tests;

/// <summary>The words an action's enums are stored as: each member has one, and a word read back that is none of them fails by name.</summary>
public sealed class ActionColumnsTests
{
    [Fact]
    public void Every_member_reads_back_from_its_word()
    {
        Assert.All(Enum.GetValues<ActionKind>(), k => Assert.Equal(k, ActionColumns.Kind(ActionColumns.Text(k), "act-1")));
        Assert.All(Enum.GetValues<ActionLevel>(), l => Assert.Equal(l, ActionColumns.Level(ActionColumns.Text(l), "act-1")));
        Assert.All(Enum.GetValues<ActionRequestState>(), s => Assert.Equal(s, ActionColumns.State(ActionColumns.Text(s), "act-1")));
        Assert.Equal(("adgroup", "budget", "executing"), (ActionColumns.Text(ActionLevel.AdGroup), ActionColumns.Text(ActionKind.Budget), ActionColumns.Text(ActionRequestState.Executing)));
    }

    [Fact]
    public void An_unknown_stored_word_fails_naming_the_action_the_column_and_the_words_allowed()
    {
        var kind = Assert.Throws<InvalidDataException>(() => ActionColumns.Kind("boost", "act-7"));
        var level = Assert.Throws<InvalidDataException>(() => ActionColumns.Level("AdGroup", "act-7"));
        var state = Assert.Throws<InvalidDataException>(() => ActionColumns.State("", "act-7"));

        Assert.Equal("Action act-7 has kind 'boost' in action_requests, which is not one of budget, pause, resume.", kind.Message);
        Assert.Equal("Action act-7 has level 'AdGroup' in action_requests, which is not one of adgroup, campaign.", level.Message);
        Assert.Contains("has state '' in action_requests", state.Message);
    }
}
