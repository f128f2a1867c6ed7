using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TikTokBot.Tests;
using TikTokBot.Testing.External;

namespace TikTokBot.Web.Tests;

/// <summary>
/// A fix's whole life in the playground, in a real Chromium against the real app on Kestrel with its clock fixed: taken
/// under the fix reply (the answer drawn in that message's thread, as Slack does), listed by <c>/ttmetrics fixes</c>,
/// assigned, done, and its follow-up drawn in the same thread days later.
/// </summary>
public sealed class PlaygroundCheckinBrowserTests : IClassFixture<FixedClockAppFactory>, IClassFixture<Browser>
{
    /// <summary>Set to 1 to write the follow-up's picture for the README (docs/checkin-follow-up.png); docs/checkin-follow-up.sh does.</summary>
    public const string PictureVariable = "TIKTOKBOT_WRITE_DOCS_PICTURES";

    private readonly FixedClockAppFactory _app;
    private readonly Browser _browser;

    public PlaygroundCheckinBrowserTests(FixedClockAppFactory app, Browser browser) => (_app, _browser) = (app, browser);

    [NeedsFact(External.Chromium)]
    public async Task A_fix_is_taken_listed_assigned_done_and_followed_up_in_its_thread()
    {
        using var client = _app.CreateKestrelClient();
        var (page, outside) = await _browser.OpenAsync(client.BaseAddress!);
        await page.GotoAsync("/playground");

        await page.FillAsync("#command", "/ttmetrics campaign-42 fix");
        await page.ClickAsync("#send");
        var reply = page.Locator(".exchange").Nth(0).Locator(".message").First;
        await Assertions.Expect(reply.Locator("[data-block=header]")).ToHaveTextAsync("What to fix: campaign-42 Autumn Sale");

        // "I'll take it" under the first finding: the answer appears in the reply's thread, for everyone.
        await reply.Locator("button[data-action-id='checkin.take']").First.ClickAsync();
        var thread = reply.Locator(".replies");
        await Assertions.Expect(thread.Locator(".message").Nth(0)).ToContainTextAsync("@U-PLAYGROUND took");
        await Assertions.Expect(page.Locator(".exchange").Nth(1).Locator(".note")).ToHaveTextAsync("Answered in the thread above.");
        var title = await thread.Locator(".message").Nth(0).Locator("strong").First.InnerTextAsync();

        // /ttmetrics fixes lists it under its owner and campaign.
        await page.FillAsync("#command", "/ttmetrics fixes");
        await page.ClickAsync("#send");
        var list = page.Locator(".exchange").Nth(2);
        await Assertions.Expect(list.Locator("[data-block=header]")).ToHaveTextAsync("Fixes in progress in this workspace");
        await Assertions.Expect(list).ToContainTextAsync($"{title}: taken 2026-11-22, not applied yet");

        // "Assign…" to Alex, from the playground's people.
        await reply.Locator("select[data-action-id^='checkin.assign.']").First.SelectOptionAsync(new SelectOptionValue { Label = "Alex (U-ALEX)" });
        await Assertions.Expect(thread.Locator(".message").Nth(1)).ToContainTextAsync("@U-PLAYGROUND assigned @U-ALEX");

        // Done, from the thread: applied now, the follow-up date said.
        await thread.Locator("button[data-action-id='checkin.done']").First.ClickAsync();
        await Assertions.Expect(thread.Locator(".message").Nth(2)).ToContainTextAsync("applied");
        await Assertions.Expect(thread.Locator(".message").Nth(2)).ToContainTextAsync("I'll follow up here on");

        // Twelve days later the hourly job follows it up; the page draws the answer in the same thread.
        _app.Clock.Advance(TimeSpan.FromDays(12));
        var job = _app.Services.GetRequiredService<TikTokBot.Checkins.FollowUpJob>();
        Assert.Equal(1, await job.RunAsync(TikTokBot.Accounts.WorkspaceReadPolicy.PlaygroundTeam, CancellationToken.None));
        await page.EvaluateAsync("window.playground.followUps()");
        var followUp = thread.Locator(".message").Nth(3);
        await Assertions.Expect(followUp).ToContainTextAsync($"Follow-up on {title}");
        await Assertions.Expect(followUp).ToContainTextAsync("@U-ALEX");
        await Assertions.Expect(followUp).ToContainTextAsync("2026-11-");

        await Browser.ScreenshotAsync(page, "playground-checkin");
        if (Environment.GetEnvironmentVariable(PictureVariable) == "1")
        {
            await reply.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", "checkin-follow-up.png") });
        }

        Assert.Empty(outside);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TikTokBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No TikTokBot.sln above the test's folder.");
    }
}
