using CsCheck;
using TikTokBot.Domain.Actions;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Metrics;
using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Requests;

/// <summary>The one codec for button and menu values: every kind round-trips, tampering is refused, sizes fit Slack's limits.</summary>
public sealed class ButtonCodecTests
{
    public static TheoryData<string> AwkwardIds =>
    [
        "1800000000000042",
        "Spring | Sale",
        "Spring fix",
        "Retargeting by age",
        "Black Friday 7d",
        "yesterday",
        "fix",
        "a||b|",
        "100% off %7C",
        "r1|not-a-value",
        "Autumn Sale, EU 2026-11-01..2026-11-20",
        "Été — 夏のセール 🎉",
    ];

    private static readonly Period[] Periods =
    [
        Period.Default, new(PeriodKind.Yesterday), new(PeriodKind.Today), new(PeriodKind.LastDays, 30), new(PeriodKind.Lifetime),
        new(PeriodKind.Range, Range: new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20))),
    ];

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public void Every_kind_of_value_comes_back_unchanged_whatever_its_ids_hold(string id)
    {
        var values = new List<ButtonValue>
        {
            new AlertTarget(id, AlertRule.CostPerResultHigh),
            new ProposalRequest(id, ActionIntent.Pause(ActionLevel.AdGroup, id + "-group")),
            new ProposalRequest(id, ActionIntent.Resume(ActionLevel.Campaign, id)),
            new ProposalRequest(id, ActionIntent.ChangeBudget(ActionLevel.Campaign, id, BudgetChange.ByPercent(20))),
            new ProposalRequest(id, ActionIntent.ChangeBudget(ActionLevel.AdGroup, id, BudgetChange.To(450.5m))),
            new FindingTarget(id, null, "creative-fatigue"),
            new FindingTarget(id, id + "-group", "HighCostPerConversion"),
        };
        foreach (var period in Periods)
        {
            values.Add(new ChartRequest(id, period, MetricId.CostPerConversion));
            foreach (var by in new BreakdownDimension?[] { null, BreakdownDimension.AdGroup, BreakdownDimension.Device })
            {
                values.Add(new ReportRequest(id, period, by));
            }
        }

        foreach (var value in values)
        {
            Assert.True(ButtonCodec.TryDecode(ButtonCodec.Encode(value), out var decoded), ButtonCodec.Encode(value));
            Assert.Equal(value, decoded);
        }
    }

    [Fact]
    public void An_action_reference_round_trips_and_keeps_its_exact_wire_form()
    {
        var encoded = ButtonCodec.Encode(new ActionReference("act-01J9ZK3Q"));

        Assert.Equal("a1|act-01J9ZK3Q", encoded);
        Assert.True(ButtonCodec.TryDecode<ActionReference>(encoded, out var decoded));
        Assert.Equal("act-01J9ZK3Q", decoded.ActionId);
    }

    [Fact]
    public void A_finding_target_and_a_fix_reference_keep_their_exact_wire_forms()
    {
        Assert.Equal("ft1|1800000000000042||LowCtr", ButtonCodec.Encode(new FindingTarget("1800000000000042", null, "LowCtr")));
        Assert.Equal("ft1|Spring%20%7C%20Sale|1800000000000099|LowCtr", ButtonCodec.Encode(new FindingTarget("Spring | Sale", "1800000000000099", "LowCtr")));
        Assert.Equal("f1|fix-01J9ZK3Q", ButtonCodec.Encode(new FixReference("fix-01J9ZK3Q")));
        Assert.True(ButtonCodec.TryDecode<FixReference>("f1|fix-01J9ZK3Q", out var fix));
        Assert.Equal("fix-01J9ZK3Q", fix.FixId);
        Assert.False(ButtonCodec.TryDecode<ActionReference>("f1|fix-01J9ZK3Q", out _));
        Assert.False(ButtonCodec.TryDecode<FixReference>("a1|fix-01J9ZK3Q", out _));
    }

    [Theory]
    // The wire forms already in Slack's history stay readable, field for field.
    [InlineData("r1|1800000000000042|7d|", "ReportRequest { CampaignId = 1800000000000042, Period = 7d, By =  }")]
    [InlineData("r1|Spring%20%7C%20Sale|14d|AdGroup", "ReportRequest { CampaignId = Spring | Sale, Period = 14d, By = AdGroup }")]
    [InlineData("c1|1800000000000042|30d|CostPerConversion", "ChartRequest { CampaignId = 1800000000000042, Period = 30d, Metric = CostPerConversion }")]
    [InlineData("al1|1800000000000048|CtrDrop", "AlertTarget { CampaignId = 1800000000000048, Rule = CtrDrop }")]
    // Buttons from before the tags: <id>|<period>[|<breakdown>].
    [InlineData("1800000000000042|7d", "ReportRequest { CampaignId = 1800000000000042, Period = 7d, By =  }")]
    [InlineData("1800000000000044|14d|adgroup", "ReportRequest { CampaignId = 1800000000000044, Period = 14d, By = AdGroup }")]
    public void Values_already_in_Slack_are_read(string value, string expected)
    {
        Assert.True(ButtonCodec.TryDecode(value, out var decoded));
        Assert.Equal(expected, decoded.ToString());
    }

    [Fact]
    public void A_proposal_carries_the_budget_change_as_the_command_types_it()
    {
        var value = ButtonCodec.Encode(new ProposalRequest("1800000000000042", ActionIntent.ChangeBudget(ActionLevel.Campaign, "1800000000000042", BudgetChange.ByPercent(-30))));

        Assert.Equal("p1|1800000000000042|budget|campaign|1800000000000042|-30%", value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("r1|42|7d")]
    [InlineData("r1||7d|")]
    [InlineData("r1|42|weekly|")]
    [InlineData("r1|42|7d|Weather")]
    [InlineData("r1|42|7d|3")]
    [InlineData("r2|42|7d|")]
    [InlineData("42|banana")]
    [InlineData("c1|42|7d|NotAMetric")]
    [InlineData("c1|42|7d|7")]
    [InlineData("c1|42|7d|costperconversion")]
    [InlineData("al1|42|")]
    [InlineData("al1|42|0")]
    [InlineData("al1|42|NoSuchRule")]
    [InlineData("p1|42|delete|campaign|42|")]
    [InlineData("p1|42|pause|account|42|")]
    [InlineData("p1|42|pause|campaign|42|+20%")]
    [InlineData("p1|42|budget|campaign|42|")]
    [InlineData("p1|42|budget|campaign|42|-100%")]
    [InlineData("p1|42|budget|campaign|42|0")]
    [InlineData("p1|42|budget|campaign|42|-50")]
    [InlineData("p1|42|budget|campaign||+20%")]
    [InlineData("a1|")]
    [InlineData("a1|act 1")]
    [InlineData("a1|act|2")]
    [InlineData("a1|../../etc")]
    [InlineData("ft1|42||")]
    [InlineData("ft1||ag|LowCtr")]
    [InlineData("ft1|42|ag|Low Ctr")]
    [InlineData("ft1|42|ag|Low|Ctr")]
    [InlineData("ft1|42|LowCtr")]
    [InlineData("f1|")]
    [InlineData("f1|fix 1")]
    [InlineData("f1|fix|2")]
    [InlineData("f1|../../etc")]
    public void A_value_no_tag_wrote_is_refused(string value)
    {
        Assert.False(ButtonCodec.TryDecode(value, out _));
    }

    [Fact]
    public void A_value_of_another_kind_is_not_read_as_the_kind_asked_for()
    {
        var report = ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default));

        Assert.False(ButtonCodec.TryDecode<AlertTarget>(report, out _));
        Assert.False(ButtonCodec.TryDecode<ActionReference>(report, out _));
        Assert.True(ButtonCodec.TryDecode<ReportRequest>(report, out _));
    }

    [Fact]
    public void An_id_over_200_characters_is_refused_and_the_longest_allowed_fits_a_button()
    {
        var longest = new string('9', 200);
        var proposal = ButtonCodec.Encode(new ProposalRequest(longest, ActionIntent.ChangeBudget(ActionLevel.AdGroup, longest, BudgetChange.ByPercent(20))));

        Assert.True(ButtonCodec.TryDecode<ProposalRequest>(proposal, out _));
        Assert.True(proposal.Length <= SlackLimits.ButtonValue, $"{proposal.Length} characters");
        Assert.False(ButtonCodec.TryDecode(ButtonCodec.Encode(new AlertTarget(longest + "9", AlertRule.CtrDrop)), out _));
    }

    [Fact]
    public void A_chart_menu_option_for_a_TikTok_campaign_id_fits_Slack_s_150_characters()
    {
        var longestMetric = Enum.GetValues<MetricId>().MaxBy(m => m.ToString().Length);
        var range = new Period(PeriodKind.Range, Range: new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        var value = ButtonCodec.Encode(new ChartRequest("1800000000000042", range, longestMetric));

        Assert.True(value.Length <= SlackLimits.OptionValue, $"{value} is {value.Length} characters");
    }

    [Fact]
    public void Any_change_to_one_character_of_a_value_is_refused_or_read_as_a_well_formed_value()
    {
        // Tampering can only ever give a value the codec itself could have written: never an exception, never a
        // half-read value. (That it names nothing of another workspace is the router's and the services' check.)
        var values = new ButtonValue[]
        {
            new ReportRequest("1800000000000042", Period.Default, BreakdownDimension.Age),
            new ChartRequest("1800000000000042", new Period(PeriodKind.LastDays, 14), MetricId.Ctr),
            new AlertTarget("1800000000000048", AlertRule.SpendWithoutConversions),
            new ProposalRequest("1800000000000042", ActionIntent.ChangeBudget(ActionLevel.AdGroup, "1800000000000099", BudgetChange.ByPercent(20))),
            new ActionReference("act-7"),
            new FindingTarget("1800000000000042", "1800000000000099", "HighCostPerConversion"),
            new FixReference("fix-7"),
        };
        Gen.Select(Gen.Int[0, values.Length - 1], Gen.Int[0, 1000], Gen.Char['\u0000', '\u007F']).Sample((which, at, c) =>
        {
            var encoded = ButtonCodec.Encode(values[which]);
            var index = at % encoded.Length;
            var tampered = encoded[..index] + c + encoded[(index + 1)..];
            if (ButtonCodec.TryDecode(tampered, out var read))
            {
                Assert.True(ButtonCodec.TryDecode(ButtonCodec.Encode(read), out var again), tampered);
                Assert.Equal(read, again);
            }
        }, iter: 20_000);
    }
}
