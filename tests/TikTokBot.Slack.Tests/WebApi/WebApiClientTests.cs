using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.OAuth;
using TikTokBot.Slack.Tests.Infrastructure;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Tests.WebApi;

public class WebApiClientTests
{
    private static ISlackWebApi Api(ServiceProvider services, string token = "xoxb-test") =>
        services.GetRequiredService<ISlackWebApiFactory>().ForToken(token);

    [Fact]
    public async Task Post_message_sends_json_with_the_bot_token_and_returns_the_timestamp()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        var message = new MessageBuilder().Text("hello").Section("*hi*").BuildSingle() with { Channel = "C1" };

        var posted = await Api(services).PostMessageAsync(message, CancellationToken.None);

        Assert.StartsWith("1700000000.", posted.Ts, StringComparison.Ordinal);
        var call = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C1", call.Json.GetProperty("channel").GetString());
        Assert.Equal("section", call.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("invalid_blocks")]
    public async Task An_ok_false_answer_becomes_a_typed_exception_with_slacks_error_code(string code)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        slack.Script("chat.postMessage", FakeAnswer.Error(code));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Api(services).PostMessageAsync(new SlackMessage { Channel = "C1", Text = "x" }, CancellationToken.None));

        Assert.Equal((code, "chat.postMessage"), (ex.Error, ex.Method));
        Assert.Single(slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_and_then_delivers_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        slack.Script("chat.postMessage", FakeAnswer.TooManyRequests(retryAfterSeconds: 1));

        await Api(services).PostMessageAsync(new SlackMessage { Channel = "C1", Text = "x" }, CancellationToken.None);

        var calls = slack.CallsTo("chat.postMessage");
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), "the retry must not come before Retry-After");
    }

    [Fact]
    public async Task Server_errors_and_slow_answers_are_retried_with_backoff()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack, new Dictionary<string, string?> { ["Slack:AttemptTimeout"] = "00:00:01" });
        slack.Script("auth.test", FakeAnswer.ServerError(), FakeAnswer.Slow(TimeSpan.FromSeconds(30)), FakeAnswer.ServerError());

        var auth = await Api(services).AuthTestAsync(CancellationToken.None);

        Assert.Equal("T1", auth.TeamId);
        Assert.Equal(4, slack.CallsTo("auth.test").Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_surfaces()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack, new Dictionary<string, string?> { ["Slack:MaxRetries"] = "2" });
        slack.Script("auth.test", Enumerable.Repeat(FakeAnswer.ServerError(), 10).ToArray());

        await Assert.ThrowsAsync<HttpRequestException>(() => Api(services).AuthTestAsync(CancellationToken.None));

        Assert.Equal(3, slack.CallsTo("auth.test").Count);
    }

    [Fact]
    public async Task A_429_storm_ends_with_every_message_delivered_exactly_once_and_in_order_per_channel()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        slack.Script("chat.postMessage",
            FakeAnswer.TooManyRequests(1), FakeAnswer.TooManyRequests(0), new FakeAnswer(), FakeAnswer.TooManyRequests(0),
            FakeAnswer.TooManyRequests(1), new FakeAnswer(), FakeAnswer.TooManyRequests(0), FakeAnswer.ServerError(), FakeAnswer.TooManyRequests(0));
        var api = Api(services);

        var sends = new List<Task>();
        for (var i = 0; i < 8; i++)
            foreach (var channel in new[] { "C1", "C2" })
                sends.Add(api.PostMessageAsync(new SlackMessage { Channel = channel, Text = $"{channel}-{i}" }, CancellationToken.None));
        await Task.WhenAll(sends);

        var delivered = slack.Delivered("chat.postMessage").Select(c => c.Json.GetProperty("text").GetString()!).ToList();
        Assert.Equal(16, delivered.Count);
        foreach (var channel in new[] { "C1", "C2" })
            Assert.Equal(Enumerable.Range(0, 8).Select(i => $"{channel}-{i}"), delivered.Where(t => t.StartsWith(channel, StringComparison.Ordinal)));
        Assert.Contains(slack.CallsTo("chat.postMessage"), c => c.Status == 429);
    }

    public static TheoryData<string, Func<ISlackWebApi, Task>, string, string> Methods => new()
    {
        { "chat.postEphemeral", api => api.PostEphemeralAsync("U1", new SlackMessage { Channel = "C1", Text = "only you" }, CancellationToken.None), "user", "U1" },
        { "chat.update", api => api.UpdateMessageAsync(new SlackMessage { Channel = "C1", Ts = "1.2", Text = "new" }, CancellationToken.None), "ts", "1.2" },
        { "views.open", api => api.OpenViewAsync("trigger-1", new ModalBuilder("Hi").Section("x").Build(), CancellationToken.None), "trigger_id", "trigger-1" },
        { "views.update", api => api.UpdateViewAsync("V1", new ModalBuilder("Hi").Section("x").Build(), "h1", CancellationToken.None), "view_id", "V1" },
        { "views.publish", api => api.PublishHomeAsync("U1", new HomeTabBuilder().Section("x").Build(), CancellationToken.None), "user_id", "U1" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Json_methods_call_their_endpoint_with_their_arguments(string method, Func<ISlackWebApi, Task> call, string field, string value)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        await call(Api(services));
        var recorded = Assert.Single(slack.Calls);
        Assert.Equal(method, recorded.Method);
        Assert.Equal(value, recorded.Json.GetProperty(field).GetString());
    }

    [Fact]
    public async Task Conversations_info_sends_a_form_and_reads_the_channel()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        var info = await Api(services).ConversationInfoAsync("C1", CancellationToken.None);
        Assert.Equal(("ads", true), (info.Channel!.Name, info.Channel.IsMember));
        Assert.Equal("C1", Assert.Single(slack.Calls).Form("channel"));
    }

    [Fact]
    public async Task Users_info_reads_whether_the_user_administers_the_workspace()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);

        var info = await Api(services).UserInfoAsync("U1", CancellationToken.None);

        Assert.Equal(("U1", true, false, false), (info.User!.Id, info.User.IsAdmin, info.User.IsOwner, info.User.IsRestricted));
        Assert.Equal("U1", Assert.Single(slack.Calls).Form("user"));
    }

    [Fact]
    public async Task Usergroups_users_list_reads_the_members_of_a_user_group()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);

        var members = await Api(services).UserGroupUsersAsync("S1", CancellationToken.None);

        Assert.Equal(["U1", "U2"], members.Users!);
        Assert.Equal("S1", Assert.Single(slack.Calls).Form("usergroup"));
    }

    [Fact]
    public async Task A_file_upload_gets_an_upload_url_sends_the_bytes_and_completes_the_upload()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        var csv = Encoding.UTF8.GetBytes("campaign,ctr\ncampaign-42,0.61\n");

        var done = await Api(services).UploadFileAsync(new FileUpload("report.csv", csv) { ChannelId = "C1", InitialComment = "Weekly export" }, CancellationToken.None);

        Assert.Equal("F1", Assert.Single(done.Files!).Id);
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], slack.Calls.Select(c => c.Method));
        Assert.Equal(("report.csv", csv.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), (slack.Calls[0].Form("filename"), slack.Calls[0].Form("length")));
        Assert.Equal("campaign,ctr\ncampaign-42,0.61\n", slack.Calls[1].Body);
        Assert.Equal(("C1", "Weekly export"), (slack.Calls[2].Form("channel_id"), slack.Calls[2].Form("initial_comment")));
        Assert.Equal("""[{"id":"F1","title":"report.csv"}]""", slack.Calls[2].Form("files"));
    }

    [Fact]
    public async Task Each_team_is_served_with_its_own_installation_token_and_others_fall_back_to_the_single_bot_token()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack);
        await services.GetRequiredService<IInstallationStore>().SaveAsync(
            new SlackInstallation { TeamId = "T9", BotToken = "xoxb-t9" }, CancellationToken.None);
        var factory = services.GetRequiredService<ISlackWebApiFactory>();

        await (await factory.ForTeamAsync(null, "T9", CancellationToken.None)).AuthTestAsync(CancellationToken.None);
        await (await factory.ForTeamAsync(null, "T1", CancellationToken.None)).AuthTestAsync(CancellationToken.None);

        Assert.Equal(["Bearer xoxb-t9", "Bearer xoxb-single"], slack.Calls.Select(c => c.Authorization));
    }

    [Fact]
    public async Task A_team_without_installation_or_bot_token_is_reported_as_not_installed()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = SlackServices.Create(slack, new Dictionary<string, string?> { ["Slack:BotToken"] = "" });
        var ex = await Assert.ThrowsAsync<SlackNotInstalledException>(async () =>
            await services.GetRequiredService<ISlackWebApiFactory>().ForTeamAsync(null, "T404", CancellationToken.None));
        Assert.Equal("T404", ex.TeamId);
        Assert.Empty(slack.Calls);
    }
}
