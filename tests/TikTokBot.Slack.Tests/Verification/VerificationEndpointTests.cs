using System.Net;
using System.Text;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Tests.Infrastructure;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Slack.Tests.Verification;

public sealed class RecordingCommand(CallLog log) : ISlashCommandHandler
{
    public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        log.Add($"command {command.Command} {command.Text}");
        return Task.CompletedTask;
    }
}

public class VerificationEndpointTests
{
    private static Task<SlackTestHost> Host(IDictionary<string, string?>? settings = null) =>
        SlackTestHost.StartAsync(h => h.OnCommand<RecordingCommand>("/ttmetrics"), settings);

    [Fact]
    public async Task A_correctly_signed_command_reaches_its_handler()
    {
        await using var host = await Host();
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["command /ttmetrics campaign-42"], host.Log.Entries);
    }

    public static TheoryData<string, string, string?, string?> Refusals => new()
    {
        { "tampered body", "tampered", null, null },
        { "stale timestamp", "", null, (SlackTestHost.Now.ToUnixTimeSeconds() - 301).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { "missing signature header", "", "", null },
        { "wrong version prefix", "", "v1=" + new string('a', 64), null },
        { "signature of the wrong length", "", "v0=" + new string('a', 63), null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_unverified_request_gets_401_and_nothing_behind_the_filter_runs(string because, string tamper, string? signature, string? timestamp)
    {
        await using var host = await Host();
        var body = SlackTestHost.CommandForm();
        var ts = timestamp ?? SlackTestHost.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sig = signature ?? SlackSignature.Sign(SlackTestHost.Secret, ts, Encoding.UTF8.GetBytes(body));
        if (tamper == "tampered")
            body = body.Replace("campaign-42", "campaign-43", StringComparison.Ordinal);
        if (signature == "")
            sig = null!;

        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        if (sig is not null)
            request.Headers.Add(SlackSignature.SignatureHeader, sig);
        var response = await host.Client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task A_request_without_a_timestamp_header_is_refused()
    {
        await using var host = await Host();
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(SlackTestHost.CommandForm()) };
        request.Headers.Add(SlackSignature.SignatureHeader, "v0=" + new string('a', 64));
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Log.Entries);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/events")]
    public async Task Every_slack_endpoint_refuses_everything_when_no_signing_secret_is_configured(string path)
    {
        await using var host = await Host(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });
        var response = await host.PostSignedAsync(path, SlackTestHost.CommandForm());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413_even_when_signed()
    {
        await using var host = await Host();
        var body = SlackTestHost.CommandForm() + "&padding=" + new string('x', SlackVerificationFilter.MaxBodyBytes);
        var response = await host.PostSignedAsync("/slack/commands", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_refused_with_413()
    {
        await using var host = await Host();
        var bytes = Encoding.UTF8.GetBytes(SlackTestHost.CommandForm() + "&padding=" + new string('x', SlackVerificationFilter.MaxBodyBytes));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(SlackSignature.TimestampHeader, SlackTestHost.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(SlackTestHost.Secret, SlackTestHost.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), bytes));
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Log.Entries);
    }

    [Fact]
    public async Task Refusals_never_log_the_signing_secret()
    {
        await using var host = await Host();
        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(), signature: "v0=" + new string('a', 64));
        var logs = host.Services.GetService(typeof(ListLoggerProvider)) as ListLoggerProvider;
        Assert.NotNull(logs);
        Assert.Contains(logs.Lines, l => l.Message.Contains("Refused Slack request", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(SlackTestHost.Secret, StringComparison.Ordinal));
    }
}
