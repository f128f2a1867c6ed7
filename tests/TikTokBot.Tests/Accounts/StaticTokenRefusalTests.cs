using Microsoft.Extensions.Time.Testing;
using TikTokBot.Accounts;
using TikTokBot.Testing;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Accounts;

/// <summary>
/// With the OAuth install any workspace can add the app: the operator's static TikTok token is refused at start unless
/// TikTok:StaticTokenTeam names the one workspace it serves, and then only that workspace reads it.
/// </summary>
public sealed class StaticTokenRefusalTests : IAsyncLifetime
{
    private const string Operator = "T0OPERATOR";
    private const string Stranger = "T0STRANGER";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private FakeTikTokApi _tiktok = null!;

    public async Task InitializeAsync() => _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 12, 1));

    public async Task DisposeAsync() => await _tiktok.DisposeAsync();

    private AccountsAppFactory App(string? staticTokenTeam)
    {
        var settings = new Dictionary<string, string>
        {
            ["Slack:ClientId"] = "123.456",
            ["Slack:ClientSecret"] = "client-secret-for-the-install",
            ["TikTok:Source"] = "Api",
            ["TikTok:AccessToken"] = FakeTikTokApi.Token,
            ["TikTok:AdvertiserIds"] = DemoDataSet.AdvertiserId,
        };
        if (staticTokenTeam is not null)
        {
            settings["TikTok:StaticTokenTeam"] = staticTokenTeam;
        }

        return new AccountsAppFactory(_tiktok, _clock, settings);
    }

    [Fact]
    public void The_oauth_install_with_a_static_token_and_no_static_token_team_refuses_to_start()
    {
        using var app = App(staticTokenTeam: null);

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateKestrelClient().Dispose());

        var messages = string.Join(" | ", Chain(refused).Select(e => e.Message));
        Assert.Contains("Slack:ClientId is set (any workspace may install the app)", messages, StringComparison.Ordinal);
        Assert.Contains("set TikTok:StaticTokenTeam to its team id", messages, StringComparison.Ordinal);
        Assert.Empty(_tiktok.Requests);
    }

    [Fact]
    public async Task With_a_static_token_team_the_app_starts_and_only_that_workspace_reads_the_token()
    {
        await using var app = App(Operator);
        app.CreateKestrelClient().Dispose();

        var own = await app.AskAsync(Operator, "list");
        var withToken = _tiktok.Requests.Count(r => r.AccessToken == FakeTikTokApi.Token);
        var stranger = await app.AskAsync(Stranger, "list");

        Assert.Contains("campaign-42 Autumn Sale", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo data", own, StringComparison.Ordinal);
        Assert.True(withToken > 0, "the operator's workspace did not read TikTok with the static token");
        // Another workspace gets the demo data, told so, and the operator's token is not used for it.
        Assert.Contains(WorkspaceNotices.Demo, stranger, StringComparison.Ordinal);
        Assert.Equal(withToken, _tiktok.Requests.Count(r => r.AccessToken == FakeTikTokApi.Token));
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
