using System.Net;
using System.Text;
using System.Text.Json;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Tests.Commands;

/// <summary>/ttmetrics through the real app on a real socket, signed the way Slack signs, asked by a workspace admin.</summary>
public sealed class SlashCommandEndToEndTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public SlashCommandEndToEndTests(FakeSlackAppFactory factory) => _factory = factory;

    private async Task<HttpResponseMessage> Send(string text, bool sign = true, string team = "T0001")
    {
        using var client = _factory.CreateKestrelClient();
        var body = $"token=x&team_id={team}&team_domain=acme&channel_id=C0001&user_id=U-ADMIN-1&command=%2Fttmetrics" +
                   $"&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnowhere&trigger_id=1.2.3";
        using var request = sign
            ? SlackTestRequests.Signed("/slack/commands", body)
            : new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, SlackTestRequests.Form) };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Campaign_42_answers_compactly_with_its_first_fix_and_in_full_with_its_stages_in_order()
    {
        var response = await Send("campaign-42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var compact = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(compact);
        Assert.Equal("ephemeral", document.RootElement.GetProperty("response_type").GetString());
        Assert.Contains("*First fix* (Creative fatigue)", compact);
        Assert.Contains("Full funnel", compact);
        Assert.DoesNotContain("*Delivery*", compact);

        var json = await (await Send("campaign-42 full")).Content.ReadAsStringAsync();
        var stages = new[] { "*Delivery*", "*Engagement*", "*Cost*", "*Conversion*", "*Real-time*" }.Select(s => json.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(stages, i => Assert.True(i > 0));
        Assert.Equal(stages.Order(), stages);
        Assert.Contains("Creative fatigue", json);
        Assert.Contains("What should I fix?", json);
    }

    [Fact]
    public async Task Fix_lists_what_to_do_first()
    {
        var json = await (await Send("campaign-42 fix")).Content.ReadAsStringAsync();

        Assert.Contains("Do this first:", json);
        Assert.Contains("Refresh the creative first", json);
    }

    [Theory]
    [InlineData("list", "campaign-48 Retargeting Test")]
    [InlineData("campaign-44 by adgroup 14d", "Lookalike 1%")]
    [InlineData("campaign-44 by age", "\"text\":\"25-34\"")]
    public async Task List_and_breakdowns_answer_over_a_signed_request(string text, string expected)
    {
        var json = await (await Send(text)).Content.ReadAsStringAsync();

        Assert.Contains(expected, json);
    }

    [Theory]
    [InlineData("campain-42", "Closest")]
    [InlineData("taget campaign-42 cpa 25", "/ttmetrics target campaign-42 cpa 25 min 50")]
    [InlineData("help", "/ttmetrics campaign-42 fix")]
    public async Task Mistakes_get_a_short_answer_with_what_to_type(string text, string expected)
    {
        var json = await (await Send(text)).Content.ReadAsStringAsync();

        Assert.Contains(expected, json);
    }

    [Fact]
    public async Task A_target_set_by_one_workspace_judges_its_reports_and_no_other_workspaces()
    {
        var saved = await (await Send("target campaign-42 cpa 25 min 50", team: "T-TARGET")).Content.ReadAsStringAsync();
        var own = await (await Send("campaign-42", team: "T-TARGET")).Content.ReadAsStringAsync();
        var other = await (await Send("campaign-42", team: "T-OTHER")).Content.ReadAsStringAsync();

        Assert.Contains("Saved for *campaign-42 Autumn Sale*", saved);
        Assert.Contains("target of $25.00", own);
        // The other workspace keeps the demo data's own target for campaign-42 ($40, above its cost per conversion, so no
        // finding names it), never this one's.
        Assert.Contains("campaign-42 Autumn Sale", other);
        Assert.DoesNotContain("$25.00", other);
    }

    [Fact]
    public async Task An_alias_works_for_the_workspace_that_set_it_only()
    {
        var saved = await (await Send("alias bf-push campaign-42", team: "T-ALIAS")).Content.ReadAsStringAsync();
        var own = await (await Send("bf-push", team: "T-ALIAS")).Content.ReadAsStringAsync();
        var other = await (await Send("bf-push", team: "T-STRANGER")).Content.ReadAsStringAsync();

        Assert.Contains("now means", saved);
        Assert.Contains("Creative fatigue", own);
        Assert.Contains("No campaign called", other);
    }

    [Fact]
    public async Task Credit_is_saved_with_its_dates()
    {
        var json = await (await Send("credit campaign-46 6000 2026-11-01..2026-12-31", team: "T-CREDIT")).Content.ReadAsStringAsync();

        Assert.Contains("$6,000.00 of ad credit", json);
        Assert.Contains("2026-11-01 to 2026-12-31", json);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_before_anything_runs()
    {
        var response = await Send("campaign-42", sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Creative fatigue", await response.Content.ReadAsStringAsync());
    }
}
