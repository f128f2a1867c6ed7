using TikTokBot.Ask;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Tests.Ask;

/// <summary>
/// The phrasing table: each question in plain words with the intent and slots it must give, against the demo
/// workspace's campaigns and one alias. "-" is no slot; "follow-up" is slots without an intent; "refused" must come with
/// two or three suggestions and no guess.
/// </summary>
public sealed class AskPhrasingTests
{
    private static readonly CampaignInfo[] Campaigns =
    [
        Campaign("1800000000000040", "campaign-40 Newsletter Sign-ups"),
        Campaign("1800000000000041", "campaign-41 Evergreen Prospecting"),
        Campaign("1800000000000042", "campaign-42 Autumn Sale"),
        Campaign("1800000000000043", "campaign-43 App Install Push"),
        Campaign("1800000000000044", "campaign-44 Webinar Leads"),
        Campaign("1800000000000045", "campaign-45 New Collection Launch"),
        Campaign("1800000000000046", "campaign-46 Black Friday Credit Test"),
        Campaign("1800000000000047", "campaign-47 Brand Awareness Q4"),
        Campaign("1800000000000048", "campaign-48 Retargeting Test"),
        Campaign("1800000000000049", "Back to School 2026"),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["bf"] = "1800000000000046" };

    private static CampaignInfo Campaign(string id, string name) =>
        new(id, name, "7100000000000000001", "WEB_CONVERSIONS", null, "ENABLE", 100m, new DateOnly(2026, 10, 1));

    // phrase | intent | campaign id (last digits) | period | metric | breakdown
    public static TheoryData<string, string, string, string, string, string> Understood => new()
    {
        // How is a campaign doing
        { "how is campaign-42 doing?", "Summary", "42", "-", "-", "-" },
        { "How's Autumn Sale doing", "Summary", "42", "-", "-", "-" },
        { "HOW IS CAMPAIGN-41 PERFORMING", "Summary", "41", "-", "-", "-" },
        { "status of webinar leads yesterday", "Summary", "44", "yesterday", "-", "-" },
        { "campaign-43 performance this month 📈", "Summary", "43", "30d", "-", "-" },
        { "how is bf doing today", "Summary", "46", "today", "-", "-" },
        { "Evergreen prospecting: how is it going?", "Summary", "41", "-", "-", "-" },
        { "how is back to school 2026 doing", "Summary", "49", "-", "-", "-" },
        { "update on the new collection launch :rocket:", "Summary", "45", "-", "-", "-" },
        { "how is campaign 47 doing lifetime", "Summary", "47", "lifetime", "-", "-" },
        // What should I fix
        { "what should I fix in campaign-42?", "Fix", "42", "-", "-", "-" },
        { "What's wrong with the Autumn Sale", "Fix", "42", "-", "-", "-" },
        { "fix campaign-48", "Fix", "48", "-", "-", "-" },
        { "how do I improve webinar leads", "Fix", "44", "-", "-", "-" },
        { "campaign-43 what to do 🤔", "Fix", "43", "-", "-", "-" },
        { "whats wrnog with retargeting test", "Fix", "48", "-", "-", "-" },
        { "any problems with Brand Awareness Q4 this week?", "Fix", "47", "7d", "-", "-" },
        // Which campaigns are off track
        { "which campaigns are off track this week", "OffTrack", "-", "7d", "-", "-" },
        { "Which campaigns are off-track this month?", "OffTrack", "-", "30d", "-", "-" },
        { "anything underperforming?", "OffTrack", "-", "-", "-", "-" },
        { "what's behind target this month", "OffTrack", "-", "30d", "-", "-" },
        { "campaigns at risk 🚨", "OffTrack", "-", "-", "-", "-" },
        { "which campaigns are underperformin", "OffTrack", "-", "-", "-", "-" },
        // Compare with the period before
        { "compare campaign-42 with the period before", "Compare", "42", "-", "-", "-" },
        { "autumn sale vs last week", "Compare", "42", "7d", "-", "-" },
        { "Compare Webinar Leads this month with the previous period", "Compare", "44", "30d", "-", "-" },
        { "campaign-41 compared with the week before", "Compare", "41", "-", "-", "-" },
        { "comapre campaign-45 to last month", "Compare", "45", "30d", "-", "-" },
        // Ad credit
        { "how much ad credit is left?", "Credit", "-", "-", "-", "-" },
        { "When does the credit run out", "Credit", "-", "-", "-", "-" },
        { "credit left on black friday credit test", "Credit", "46", "-", "-", "-" },
        { "💳 credit balance", "Credit", "-", "-", "-", "-" },
        { "how much credti is remaining for bf", "Credit", "46", "-", "-", "-" },
        // Why did a metric move
        { "why did cpa go up on campaign-42?", "Why", "42", "-", "CostPerConversion", "-" },
        { "Why is CTR down for Autumn Sale this week", "Why", "42", "7d", "Ctr", "-" },
        { "why did spend drop yesterday in campaign-48", "Why", "48", "yesterday", "Spend", "-" },
        { "campaign-44 cost per result went up, why", "Why", "44", "-", "CostPerConversion", "-" },
        { "what caused the cpm spike on brand awareness q4", "Why", "47", "-", "Cpm", "-" },
        // Show a metric by age, gender, placement, day
        { "show cpa by age for campaign-42", "Breakdown", "42", "-", "CostPerConversion", "Age" },
        { "Campaign-42 by gender last month", "Breakdown", "42", "30d", "-", "Gender" },
        { "spend by placement on webinar leads", "Breakdown", "44", "-", "Spend", "Placement" },
        { "show ctr by day for autumn sale", "Breakdown", "42", "-", "Ctr", "day" },
        { "daily conversions campaign-41 this month", "Breakdown", "41", "30d", "Conversions", "day" },
        { "break down campaign-43 by placment", "Breakdown", "43", "-", "-", "Placement" },
        { "campaign-45 split by device", "Breakdown", "45", "-", "-", "Device" },
        { "by ad group for the retargeting test", "Breakdown", "48", "-", "-", "AdGroup" },
        // Everything at once, check-ins, changes, help
        { "how are my campaigns doing", "Overview", "-", "-", "-", "-" },
        { "list all campaigns", "Overview", "-", "-", "-", "-" },
        { "who took which fix?", "CheckIns", "-", "-", "-", "-" },
        { "who fixed campaign-42", "CheckIns", "42", "-", "-", "-" },
        { "pause campaign-48", "Change", "48", "-", "-", "-" },
        { "what can you do?", "Help", "-", "-", "-", "-" },
        // Follow-ups in a thread: slots only, or a breakdown without a campaign
        { "and by age?", "Breakdown", "-", "-", "-", "Age" },
        { "what about last month?", "follow-up", "-", "30d", "-", "-" },
        { "and campaign-43?", "follow-up", "43", "-", "-", "-" },
        { "yesterday?", "follow-up", "-", "yesterday", "-", "-" },
        { "Autumn Sale", "follow-up", "42", "-", "-", "-" },
        { "14d", "follow-up", "-", "14d", "-", "-" },
    };

    // Must be refused: no intent, no campaign of this workspace, nothing a follow-up could carry.
    public static TheoryData<string> Refused => new()
    {
        "tell me a joke",
        "what's the weather in Paris",
        "hello",
        "thanks!",
        "🙂🙂🙂",
        ":wave:",
        "asdfghjkl",
        "book a meeting with Sam",
        "who won the game",
        "order pizza",
        "translate this into French",
        "",
        "???",
        "sing a song",
        "where is the office",
        "tell me about summer promo",
    };

    [Theory]
    [MemberData(nameof(Understood))]
    public void Each_phrasing_gives_its_intent_and_slots(string phrase, string intent, string campaign, string period, string metric, string by)
    {
        var question = AskRecogniser.Understand(phrase, Campaigns, Aliases);

        Assert.False(question.Refused, $"'{phrase}' was refused");
        Assert.Equal(intent, question.Intent?.ToString() ?? "follow-up");
        Assert.Equal(campaign, question.Campaign is { } found ? found.Id[^2..] : "-");
        Assert.Equal(period, question.Period?.ToString() ?? "-");
        Assert.Equal(metric, question.Metric?.ToString() ?? "-");
        Assert.Equal(by, question.ByDay ? "day" : question.By?.ToString() ?? "-");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_question_it_does_not_understand_is_refused_with_two_or_three_distinct_suggestions(string phrase)
    {
        var question = AskRecogniser.Understand(phrase, Campaigns, Aliases);

        Assert.True(question.Refused, $"'{phrase}' was read as {question.Intent} {question.Campaign?.Name}");
        Assert.Null(question.Intent);
        Assert.Null(question.Campaign);
        Assert.InRange(question.Suggestions.Count, 2, 3);
        Assert.Equal(question.Suggestions.Count, question.Suggestions.Distinct().Count());
    }

    [Fact]
    public void The_table_has_at_least_sixty_phrasings_and_fifteen_refusals()
    {
        Assert.True(Understood.Count + Refused.Count >= 60, $"{Understood.Count + Refused.Count} phrasings");
        Assert.True(Refused.Count >= 15);
    }

    [Fact]
    public void Suggestions_lean_to_the_intent_whose_words_are_nearest()
    {
        // "crdit" and "balanse" are two slips from the credit words: credit is offered first, not guessed.
        Assert.Equal(AskIntent.Credit, AskRecogniser.Understand("crdt blanse", Campaigns, Aliases).Suggestions[0]);
        Assert.Equal(AskIntent.Compare, AskRecogniser.Understand("compair", Campaigns, Aliases).Suggestions[0]);
    }

    [Fact]
    public void A_name_matching_several_campaigns_is_ambiguous_with_every_candidate()
    {
        var question = AskRecogniser.Understand("how is the test campaign doing", Campaigns, Aliases);

        Assert.Equal(AskIntent.Summary, question.Intent);
        Assert.Equal(ResolutionKind.Ambiguous, question.Resolution?.Kind);
        Assert.Equal(["1800000000000046", "1800000000000048"], question.Resolution!.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void Another_workspaces_campaigns_and_aliases_are_never_resolved()
    {
        // The other workspace has campaign-42 and the alias bf; this one has only its own campaign.
        CampaignInfo[] own = [Campaign("900", "Spring Launch")];

        var byName = AskRecogniser.Understand("how is campaign-42 doing", own, new Dictionary<string, string>());
        var byAlias = AskRecogniser.Understand("how is bf doing", own, new Dictionary<string, string>());
        var byId = AskRecogniser.Understand("how is 1800000000000042 doing", own, new Dictionary<string, string>());

        Assert.All(new[] { byName, byAlias, byId }, q => Assert.Null(q.Campaign));
        Assert.Equal(ResolutionKind.NotFound, byName.Resolution?.Kind);
        Assert.Equal("campaign-42", byName.CampaignText);
    }

    [Fact]
    public void An_overlong_question_is_refused_without_reading_it()
    {
        var question = AskRecogniser.Understand("how is campaign-42 doing " + new string('x', 600), Campaigns, Aliases);
        Assert.True(question.Refused);
    }
}
