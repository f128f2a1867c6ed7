using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TikTokBot.Tests.Ask;

/// <summary>The playground's chat box goes through the same understanding and thread memory as Slack's Messages tab.</summary>
public sealed class PlaygroundAskTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public PlaygroundAskTests(FakeSlackAppFactory factory) => _factory = factory;

    private async Task<JsonElement> Post(string path, object body)
    {
        using var client = _factory.CreateKestrelClient();
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_question_answers_with_the_commands_blocks_and_a_follow_up_keeps_the_campaign()
    {
        await AskConversationTests.ReadHistoryAsync(_factory, Web.Playground.PlaygroundService.Asker.TeamId);
        var first = await Post("/playground/api/ask", new { text = "How is campaign-42 doing?", conversation = "pg-test-1" });
        var byAge = await Post("/playground/api/ask", new { text = "and by age?", conversation = "pg-test-1" });
        var otherConversation = await Post("/playground/api/ask", new { text = "and by age?", conversation = "pg-test-2" });
        var command = await Post("/playground/api/command", new { text = "/ttmetrics campaign-42" });

        Assert.Equal(command[0].GetProperty("blocks").GetRawText(), first[0].GetProperty("blocks").GetRawText());
        Assert.Contains("campaign-42 Autumn Sale", byAge[0].GetRawText());
        Assert.Equal((await Post("/playground/api/command", new { text = "campaign-42 by age" }))[0].GetProperty("blocks").GetRawText(),
            byAge[0].GetProperty("blocks").GetRawText());
        // A new conversation has no campaign yet: it asks which, with buttons.
        Assert.Equal("Which campaign?", otherConversation[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_press_on_an_ask_button_answers_in_the_conversation()
    {
        var asked = await Post("/playground/api/ask", new { text = "what should I fix in the test campaign", conversation = "pg-test-3" });
        var button = asked[0].GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0];

        var answer = await Post("/playground/api/ask/action", new
        {
            actionId = button.GetProperty("action_id").GetString(),
            value = button.GetProperty("value").GetString(),
            conversation = "pg-test-3",
        });

        Assert.Contains("campaign-46 Black Friday Credit Test", answer[0].GetRawText());
        Assert.Contains("Do this first", answer.GetRawText());
    }
}
