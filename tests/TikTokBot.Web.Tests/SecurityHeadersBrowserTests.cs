using Microsoft.Playwright;
using TikTokBot.Tests.Security;
using TikTokBot.Testing.External;

namespace TikTokBot.Web.Tests;

/// <summary>The Hangfire dashboard and the login pages in a real Chromium under their Content-Security-Policy: nothing blocked.</summary>
public sealed class SecurityHeadersBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [NeedsFact(External.Chromium)]
    public async Task Signing_in_and_the_dashboard_pages_run_under_the_policy_with_nothing_blocked()
    {
        await using var app = new ConfiguredAppFactory("Production", ("Scheduler:DashboardToken", ConfiguredAppFactory.Token), ("Web:Playground", "true"));
        Uri address;
        using (var client = app.CreateKestrelClient())
        {
            address = client.BaseAddress!;
        }

        var (page, outside) = await browser.OpenAsync(address);
        var complaints = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (complaints)
                {
                    complaints.Add(message.Text);
                }
            }
        };

        await page.GotoAsync("/hangfire/login");
        await page.FillAsync("input[name=token]", ConfiguredAppFactory.Token);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/hangfire$"));
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("TikTokBot digests"));
        // The dashboard's own script ran: Chart.js took over the graph's canvas.
        await Assertions.Expect(page.Locator("canvas#realtimeGraph.chartjs-render-monitor")).ToBeAttachedAsync();
        await page.GotoAsync("/hangfire/recurring");
        await page.GotoAsync("/hangfire/servers");

        await page.GotoAsync("/playground");
        await page.FillAsync("input[name=token]", ConfiguredAppFactory.Token);
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#command", "/ttmetrics campaign-42");
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator(".exchange").Nth(0).Locator("[data-block=header]")).ToHaveTextAsync("campaign-42 Autumn Sale");

        Assert.Empty(complaints);
        Assert.Empty(outside);
    }
}
