using System.Text.Json;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Tests.BlockKit;

public class BlockKitTests
{
    private static SlackMessage Report() => new MessageBuilder()
        .Text("campaign-42: CTR is low")
        .Header("campaign-42 · last 7 days")
        .Section("*Diagnosis:* the hook loses viewers in the first 2 seconds.",
            Elements.Button("fix:campaign-42", "What should I fix?", value: "campaign-42", style: "primary"))
        .Fields(["*Spend*\n$1,204.50", "*CTR*\n0.61%", "*CVR*\n2.10%", "*CPA*\n$18.40"])
        .Context("Source: demo data", "Updated 09:00 UTC")
        .Divider()
        .Actions(
        [
            Elements.Button("refresh", "Refresh", value: "campaign-42"),
            Elements.Button("unsubscribe", "Unsubscribe", style: "danger",
                confirm: Elements.Confirm("Unsubscribe?", "The daily digest stops for this channel.", "Unsubscribe", "Keep it")),
            Elements.StaticSelect("window", "Window", [Elements.Option("7 days", "7d"), Elements.Option("30 days", "30d")], Elements.Option("7 days", "7d")),
            Elements.Overflow("more", [Elements.Option("Export CSV", "csv"), Elements.Option("Help", "help")]),
        ], blockId: "report_actions")
        .InChannel()
        .BuildSingle();

    [Fact]
    public void A_report_message_serialises_to_its_golden_json() =>
        Golden.AssertMatches("report-message", BlockKitJson.Serialize(Report()));

    [Fact]
    public void A_subscription_modal_serialises_to_its_golden_json()
    {
        var modal = new ModalBuilder("Daily digest")
            .CallbackId("subscribe")
            .Submit("Subscribe")
            .Close("Cancel")
            .PrivateMetadata("C1")
            .NotifyOnClose()
            .Input("name", "Name", Elements.PlainTextInput("name_input", placeholder: "Morning digest"))
            .Input("hour", "Hour (0-23)", Elements.NumberInput("hour_input", decimals: false, min: 0, max: 23, initial: 9), hint: "Local time of the channel")
            .Input("kind", "Report", Elements.StaticSelect("kind_select", "Pick one", [Elements.Option("Digest", "digest"), Elements.Option("Credits", "credits")]))
            .Input("start", "Start on", Elements.DatePicker("start_date", new DateOnly(2026, 11, 23)), optional: true)
            .Build();
        Golden.AssertMatches("subscribe-modal", BlockKitJson.Serialize(modal));
    }

    [Fact]
    public void A_home_tab_serialises_to_its_golden_json()
    {
        var home = new HomeTabBuilder()
            .CallbackId("home")
            .Header("TikTokBot")
            .Section("Type `/ttmetrics campaign-42` in any channel.")
            .Divider()
            .Context("2 subscriptions")
            .Build();
        Golden.AssertMatches("home-tab", BlockKitJson.Serialize(home));
    }

    [Fact]
    public void User_text_is_escaped_so_it_cannot_ping_anyone()
    {
        var message = new MessageBuilder().Section("Campaign *" + Mrkdwn.Escape("<!channel> Tom & Jerry <@U123>") + "*").BuildSingle();
        var json = BlockKitJson.Serialize(message);
        Assert.Contains("Campaign *\\u0026lt;!channel\\u0026gt; Tom \\u0026amp; Jerry \\u0026lt;@U123\\u0026gt;*", json, StringComparison.Ordinal);
        var text = JsonDocument.Parse(json).RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();
        Assert.Equal("Campaign *&lt;!channel&gt; Tom &amp; Jerry &lt;@U123&gt;*", text);
        Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a<b>c&d", "a&lt;b&gt;c&amp;d")]
    public void Escape_replaces_exactly_the_three_control_characters(string? input, string expected) =>
        Assert.Equal(expected, Mrkdwn.Escape(input));

    [Theory]
    [InlineData(SlackLimits.HeaderText)]
    [InlineData(SlackLimits.SectionText)]
    public void Over_long_text_is_cut_to_the_limit_and_ends_with_an_ellipsis(int limit)
    {
        var words = string.Concat(Enumerable.Repeat("metric ", limit));
        var message = limit == SlackLimits.HeaderText
            ? new MessageBuilder().Header(words).BuildSingle()
            : new MessageBuilder().Section(words).BuildSingle();
        var text = message.Blocks![0] switch
        {
            HeaderBlock h => h.Text.Text,
            SectionBlock s => s.Text!.Text,
            _ => throw new InvalidOperationException(),
        };
        Assert.True(text.Length <= limit, $"{text.Length} > {limit}");
        Assert.EndsWith("metric…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_buttons_and_context_are_cut_to_their_own_limits()
    {
        var longText = new string('x', 5000);
        var message = new MessageBuilder()
            .Fields([longText])
            .Actions([Elements.Button("b", longText)])
            .Context(longText)
            .BuildSingle();
        var section = (SectionBlock)message.Blocks![0];
        Assert.Equal(SlackLimits.FieldText, section.Fields![0].Text.Length);
        Assert.Equal(SlackLimits.ButtonText, ((ButtonElement)((ActionsBlock)message.Blocks[1]).Elements[0]).Text.Text.Length);
        Assert.EndsWith("…", ((ContextBlock)message.Blocks[2]).Elements[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tom &amp; Jerry", 8, "Tom…")]
    [InlineData("a&amp;b", 5, "a…")]
    [InlineData("Tom &amp; Jerry", 12, "Tom &amp;…")]
    [InlineData("ab😀cd", 4, "ab…")]
    [InlineData("short", 5, "short")]
    public void Truncation_never_splits_an_escape_or_a_surrogate_pair(string text, int max, string expected) =>
        Assert.Equal(expected, Mrkdwn.Truncate(text, max));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(120, 3)]
    public void A_report_longer_than_one_message_is_split_into_several(int sections, int expectedMessages)
    {
        var builder = new MessageBuilder().Text("Digest");
        for (var i = 0; i < sections; i++)
            builder.Section("row " + i);
        var parts = builder.Build();
        Assert.Equal(expectedMessages, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Blocks!.Count, 1, SlackLimits.BlocksPerMessage));
        Assert.Equal(Enumerable.Range(0, sections).Select(i => "row " + i), parts.SelectMany(p => p.Blocks!).Select(b => ((SectionBlock)b).Text!.Text));
        Assert.All(parts, p => Assert.Equal("Digest", p.Text));
    }

    [Fact]
    public void A_split_never_leaves_a_header_or_divider_at_the_end_of_a_part()
    {
        var builder = new MessageBuilder();
        for (var i = 0; i < 48; i++)
            builder.Section("row " + i);
        builder.Divider().Header("Next campaign").Section("row 48");
        var parts = builder.Build();
        Assert.Equal(2, parts.Count);
        Assert.IsType<SectionBlock>(parts[0].Blocks![^1]);
        Assert.IsType<DividerBlock>(parts[1].Blocks![0]);
    }

    [Fact]
    public void A_modal_or_home_tab_refuses_a_101st_block()
    {
        var modal = new ModalBuilder("Too much");
        var home = new HomeTabBuilder();
        for (var i = 0; i < SlackLimits.BlocksPerView; i++)
        {
            modal.Divider();
            home.Divider();
        }
        Assert.Throws<InvalidOperationException>(() => modal.Divider());
        Assert.Throws<InvalidOperationException>(() => home.Divider());
    }

    public static TheoryData<string, Action> StructuralViolations => new()
    {
        { "11 fields", () => new MessageBuilder().Fields(Enumerable.Repeat("f", 11).ToList()) },
        { "26 action elements", () => new MessageBuilder().Actions(Enumerable.Range(0, 26).Select(i => (BlockElement)Elements.Button("b" + i, "B")).ToList()) },
        { "two action ids alike in one block", () => new MessageBuilder().Actions([Elements.Button("alert.snooze", "A"), Elements.UsersSelect("x", "Assign…"), Elements.Button("alert.snooze", "B")]) },
        { "11 context elements", () => new MessageBuilder().Context(Enumerable.Repeat("c", 11).ToArray()) },
        { "256-character action id", () => Elements.Button(new string('a', 256), "B") },
        { "256-character block id", () => new MessageBuilder().Divider().Section("x", blockId: new string('b', 256)) },
        { "unknown button style", () => Elements.Button("b", "B", style: "secondary") },
        { "six overflow options", () => Elements.Overflow("o", Enumerable.Range(0, 6).Select(i => Elements.Option("o", "v" + i)).ToList()) },
    };

    [Theory]
    [MemberData(nameof(StructuralViolations))]
    public void Structures_Slack_would_refuse_are_refused_by_the_builders(string because, Action build) =>
        Assert.True(Record.Exception(build) is ArgumentException, because);

    [Theory]
    [InlineData(10, 25, 10, 255)]
    public void Structures_at_the_limits_are_accepted(int fields, int actions, int context, int idLength)
    {
        var message = new MessageBuilder()
            .Fields(Enumerable.Repeat("f", fields).ToList())
            .Actions(Enumerable.Range(0, actions).Select(i => (BlockElement)Elements.Button("b" + i, "B")).ToList(), blockId: new string('a', idLength))
            .Context(Enumerable.Repeat("c", context).ToArray())
            .BuildSingle();
        Assert.Equal(3, message.Blocks!.Count);
    }
}
