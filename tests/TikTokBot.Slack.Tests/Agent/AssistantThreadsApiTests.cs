using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.Tests.Infrastructure;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Tests.Agent;

/// <summary>assistant.threads.* as Slack documents them: JSON bodies in snake_case, the bot token, the limits checked first.</summary>
public class AssistantThreadsApiTests
{
    private static ISlackWebApi Api(ServiceProvider services) => services.GetRequiredService<ISlackWebApiFactory>().ForToken("xoxb-test");

    [Fact]
    public async Task Set_status_sends_the_thread_the_status_and_the_loading_messages()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);

        await Api(services).SetAssistantStatusAsync(
            new AssistantStatusRequest("D1", "1700000000.000100", "is reading campaign-42…") { LoadingMessages = ["Reading campaign-42…", "Adding up spend…"] },
            CancellationToken.None);

        var call = Assert.Single(slack.CallsTo("assistant.threads.setStatus"));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.Equal("D1", call.Json.GetProperty("channel_id").GetString());
        Assert.Equal("1700000000.000100", call.Json.GetProperty("thread_ts").GetString());
        Assert.Equal("is reading campaign-42…", call.Json.GetProperty("status").GetString());
        Assert.Equal(["Reading campaign-42…", "Adding up spend…"], call.Json.GetProperty("loading_messages").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Eleven_loading_messages_are_refused_before_anything_is_sent()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        var eleven = Enumerable.Range(1, 11).Select(i => $"step {i}").ToArray();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Api(services).SetAssistantStatusAsync(
            new AssistantStatusRequest("D1", "1.2", "working") { LoadingMessages = eleven }, CancellationToken.None));

        Assert.Contains("at most 10", ex.Message, StringComparison.Ordinal);
        Assert.Empty(slack.Calls);
        await Api(services).SetAssistantStatusAsync(new AssistantStatusRequest("D1", "1.2", "working") { LoadingMessages = eleven[..10] }, CancellationToken.None);
        Assert.Single(slack.CallsTo("assistant.threads.setStatus"));
    }

    [Fact]
    public async Task Suggested_prompts_go_without_a_thread_for_the_agent_view_and_with_one_for_a_2024_thread()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        AssistantPrompt[] prompts = [new("How is campaign-42 doing?", "how is campaign-42 doing"), new("Ad credit", "how much ad credit is left")];

        await Api(services).SetSuggestedPromptsAsync(new SuggestedPromptsRequest("D1", prompts) { Title = "Ask about #ads" }, CancellationToken.None);
        await Api(services).SetSuggestedPromptsAsync(new SuggestedPromptsRequest("D1", prompts) { ThreadTs = "1.2" }, CancellationToken.None);

        var calls = slack.CallsTo("assistant.threads.setSuggestedPrompts");
        Assert.Equal(2, calls.Count);
        Assert.False(calls[0].Json.TryGetProperty("thread_ts", out _));
        Assert.Equal("Ask about #ads", calls[0].Json.GetProperty("title").GetString());
        var first = calls[0].Json.GetProperty("prompts")[0];
        Assert.Equal(("How is campaign-42 doing?", "how is campaign-42 doing"), (first.GetProperty("title").GetString(), first.GetProperty("message").GetString()));
        Assert.Equal("1.2", calls[1].Json.GetProperty("thread_ts").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task No_prompts_or_more_than_four_are_refused(int count)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        var prompts = Enumerable.Range(1, count).Select(i => new AssistantPrompt($"p{i}", $"m{i}")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => Api(services).SetSuggestedPromptsAsync(new SuggestedPromptsRequest("D1", prompts), CancellationToken.None));
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task Set_title_names_the_thread_and_an_ok_false_answer_throws_with_slacks_code()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);

        await Api(services).SetAssistantTitleAsync(new AssistantTitleRequest("D1", "1.2", "campaign-42"), CancellationToken.None);
        slack.Script("assistant.threads.setTitle", FakeAnswer.Error("missing_scope"));
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Api(services).SetAssistantTitleAsync(new AssistantTitleRequest("D1", "1.2", "x"), CancellationToken.None));

        var sent = slack.CallsTo("assistant.threads.setTitle")[0].Json;
        Assert.Equal(("D1", "1.2", "campaign-42"), (sent.GetProperty("channel_id").GetString(), sent.GetProperty("thread_ts").GetString(), sent.GetProperty("title").GetString()));
        Assert.Equal("missing_scope", ex.Error);
    }
}
