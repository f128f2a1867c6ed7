using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Tests.Ask;

/// <summary>What each intent answers with, read through the playground's chat box (the same path as Slack's), with the demo data's figures.</summary>
public sealed class AskAnswersTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public AskAnswersTests(FakeSlackAppFactory factory) => _factory = factory;

    private async Task<List<string>> Texts(string question, string conversation)
    {
        using var client = _factory.CreateKestrelClient();
        var response = await client.PostAsJsonAsync("/playground/api/ask", new { text = question, conversation });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(m => m.GetRawText()).ToList();
    }

    private static string Text(string messageJson) => JsonDocument.Parse(messageJson).RootElement.GetProperty("text").GetString()!;

    [Fact]
    public async Task Why_did_cpa_go_up_gives_the_move_with_its_figures_the_top_finding_and_the_chart()
    {
        var answer = await Texts("why did cpa go up on campaign-42?", "answers-why");

        var lead = Text(answer[0]);
        Assert.StartsWith("*campaign-42 Autumn Sale*: Cost per conversion went up 14% against the 7 days before: $29.58 → $33.87.", lead, StringComparison.Ordinal);
        Assert.Contains("What the standings point to first: *Creative fatigue* (Delivery)", lead);
        Assert.Contains("data_visualization", string.Join("", answer[1..]));
    }

    [Fact]
    public async Task Ad_credit_lists_each_campaign_with_credit_and_what_is_left()
    {
        var answer = await Texts("how much ad credit is left? 💳", "answers-credit");

        var json = Assert.Single(answer);
        Assert.Contains("campaign-46 Black Friday Credit Test", json);
        Assert.Contains("campaign-47 Brand Awareness Q4", json);
        Assert.Contains("credit left $", json);
        Assert.Matches(@"campaign-46 Black Friday Credit Test\*\\n:credit_card: \*Ad credit\*: credit left \$[\d,.]+ of \$[\d,.]+, runs out about \d{4}-\d{2}-\d{2}", json);
        Assert.DoesNotContain("campaign-42 Autumn Sale", json);
    }

    [Fact]
    public async Task Off_track_this_month_names_the_period_and_only_off_track_campaigns()
    {
        var answer = await Texts("Which campaigns are off track this month?", "answers-offtrack");

        Assert.Equal("2 of 8 campaigns are off track over the last 30 days:", Text(answer[0]));
        var table = string.Join("", answer[1..]);
        Assert.Contains("off track", table);
        Assert.DoesNotContain("on track", table);
    }

    [Fact]
    public async Task Who_took_which_fix_answers_from_the_playgrounds_check_ins()
    {
        var answer = await Texts("who took which fix?", "answers-checkins");

        Assert.StartsWith("No fixes in progress in this workspace", Text(Assert.Single(answer)), StringComparison.Ordinal);
    }
}
