using Microsoft.Playwright;
using TikTokBot.Tests;
using TikTokBot.Testing.External;
using static TikTokBot.Interactions.ButtonRouter;

namespace TikTokBot.Web.Tests;

/// <summary>The playground in a real Chromium against the real app on Kestrel, on its default demo data.</summary>
public sealed class PlaygroundBrowserTests : IClassFixture<KestrelAppFactory>, IClassFixture<Browser>
{
    private readonly KestrelAppFactory _app;
    private readonly Browser _browser;

    public PlaygroundBrowserTests(KestrelAppFactory app, Browser browser) => (_app, _browser) = (app, browser);

    private Uri AppAddress
    {
        get
        {
            using var client = _app.CreateKestrelClient();
            return client.BaseAddress!;
        }
    }

    [NeedsFact(External.Chromium)]
    public async Task A_typed_command_shows_the_report_and_its_buttons_show_the_fixes_and_the_breakdown()
    {
        var (page, outside) = await _browser.OpenAsync(AppAddress);
        await page.GotoAsync("/playground");

        await page.FillAsync("#command", "/ttmetrics campaign-42");
        await page.ClickAsync("#send");
        var report = page.Locator(".exchange").Nth(0);
        await Assertions.Expect(report.Locator("[data-block=header]")).ToHaveTextAsync("campaign-42 Autumn Sale");
        // The compact summary: the lead metrics and what stands worse, its marks drawn with Slack's emoji, not their shortcodes.
        await Assertions.Expect(report.Locator(".fields").First).ToContainTextAsync("Frequency");
        await Assertions.Expect(report.Locator(".fields").First).ToContainTextAsync("\u26A0\uFE0F");
        await Assertions.Expect(report.Locator(".fields").First).Not.ToContainTextAsync(":warning:");
        await Assertions.Expect(report.Locator("button[data-action-id='report.fix']")).ToHaveTextAsync("What should I fix?");
        await Browser.ScreenshotAsync(page, "playground-report");

        // The full funnel is one button away: the stages carry their fields, read in funnel order.
        await report.Locator("button[data-action-id='report.full']").ClickAsync();
        var full = page.Locator(".exchange").Nth(1);
        await Assertions.Expect(full.Locator(".fields").First).ToContainTextAsync("Impressions");
        await Assertions.Expect(full.Locator("[data-block=section] strong", new() { HasText = "Delivery" })).ToBeVisibleAsync();

        // The fixes answer in the report's thread, as in Slack: drawn under the report.
        await report.Locator("button[data-action-id='report.fix']").ClickAsync();
        await Assertions.Expect(page.Locator(".exchange").Nth(2).Locator(".typed")).ToHaveTextAsync("pressed: What should I fix?");
        var fixes = report.Locator(".replies .message").First;
        await Assertions.Expect(fixes.Locator("[data-block=header]")).ToHaveTextAsync("What to fix: campaign-42 Autumn Sale");
        await Assertions.Expect(fixes.Locator("[data-block=section]").First).ToContainTextAsync("Do this first:");
        await Browser.ScreenshotAsync(page, "playground-fixes");

        await report.Locator("select[data-action-id='report.breakdown']").SelectOptionAsync(new SelectOptionValue { Label = "Age" });
        var breakdown = page.Locator(".exchange").Nth(3);
        await Assertions.Expect(breakdown.Locator("[data-block=header]")).ToContainTextAsync("campaign-42 Autumn Sale by");
        await Assertions.Expect(breakdown.Locator("[data-block=header]")).ToContainTextAsync("age", new() { IgnoreCase = true });
        // The breakdown is a table: a header row and a row per age band, drawn as an HTML table.
        Assert.True(await breakdown.Locator("[data-block=table] tr").CountAsync() >= 3, "a row per age band");
        await Browser.ScreenshotAsync(page, "playground-breakdown");

        Assert.Empty(outside);
    }

    [NeedsFact(External.Chromium)]
    public async Task Markup_typed_into_a_command_comes_back_as_text_and_never_runs()
    {
        var (page, _) = await _browser.OpenAsync(AppAddress);
        await page.GotoAsync("/playground");
        await page.EvaluateAsync("window.__pwned = 0");

        await page.FillAsync("#command", "/ttmetrics <img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>");
        await page.ClickAsync("#send");

        var reply = page.Locator(".exchange .message").First;
        await Assertions.Expect(reply).ToContainTextAsync("No campaign called");
        // The command parser drops the quotes; the rest comes back character for character.
        await Assertions.Expect(reply.Locator("code").First).ToHaveTextAsync("<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>");
        Assert.Equal(0, await page.Locator("#conversation img, #conversation script").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__pwned"));
    }

    [NeedsFact(External.Chromium)]
    public async Task Charts_and_tables_are_drawn_as_inline_svg_and_html_tables_with_every_name_as_text()
    {
        var (page, outside) = await _browser.OpenAsync(AppAddress);
        await page.GotoAsync("/playground");
        await page.EvaluateAsync("window.__pwned = 0");
        const string hostile = "<img src=x onerror=\\\"window.__pwned=1\\\">";

        // Shapes as platform-facts-2 §1 gives them: line, bar, area and pie charts, a table and a data_table.
        await page.EvaluateAsync($$"""
            window.playground.render("charts", [{ "text": "charts", "blocks": [
              { "type": "data_visualization", "title": "Spend vs revenue {{hostile}}", "chart": { "type": "line",
                "series": [ { "name": "Spend", "data": [ {"label":"06-10","value":110}, {"label":"06-11","value":98}, {"label":"06-12","value":125} ] },
                            { "name": "Revenue", "data": [ {"label":"06-10","value":300}, {"label":"06-11","value":280}, {"label":"06-12","value":390} ] } ],
                "axis_config": { "categories": ["06-10","06-11","06-12"], "x_label": "Day", "y_label": "USD" } } },
              { "type": "data_visualization", "title": "Conversions by age", "chart": { "type": "bar",
                "series": [ { "name": "Conversions", "data": [ {"label":"18-24","value":12}, {"label":"25-34","value":30}, {"label":"35-44","value":-4} ] } ],
                "axis_config": { "categories": ["18-24","25-34","35-44"] } } },
              { "type": "data_visualization", "title": "Reach", "chart": { "type": "area",
                "series": [ { "name": "Reach", "data": [ {"label":"a","value":1}, {"label":"b","value":3} ] } ], "axis_config": { "categories": ["a","b"] } } },
              { "type": "data_visualization", "title": "Spend by placement", "chart": { "type": "pie",
                "segments": [ {"label":"TikTok","value":70}, {"label":"Pangle","value":20}, {"label":"{{hostile}}","value":10} ] } },
              { "type": "table", "rows": [ [ {"type":"raw_text","text":"Ad group"}, {"type":"raw_text","text":"Spend"} ],
                                           [ {"type":"raw_text","text":"{{hostile}}"}, {"type":"raw_text","text":"$120.00"} ] ],
                "column_settings": [ null, { "align": "right" } ] },
              { "type": "data_table", "caption": "Ads <b>ranked</b>", "rows": [ [ {"type":"raw_text","text":"Ad"}, {"type":"raw_text","text":"CPA"} ],
                  [ {"type":"raw_text","text":"ad-1"}, {"type":"raw_number","value":12.5,"text":"$12.50"} ],
                  [ {"type":"raw_text","text":"ad-2"}, {"type":"raw_number","value":20} ] ] }
            ] }]);
            """);

        var charts = page.Locator("figure.chart");
        Assert.Equal(4, await charts.CountAsync());
        Assert.Equal(2, await page.Locator("figure[data-chart-type=line] svg polyline").CountAsync());
        Assert.Equal(3, await page.Locator("figure[data-chart-type=bar] svg rect").CountAsync());
        Assert.Equal(1, await page.Locator("figure[data-chart-type=area] svg polygon").CountAsync());
        Assert.Equal(3, await page.Locator("figure[data-chart-type=pie] svg path").CountAsync());
        await Assertions.Expect(page.Locator("figure[data-chart-type=line] .title")).ToHaveTextAsync("Spend vs revenue <img src=x onerror=\"window.__pwned=1\">");
        await Assertions.Expect(page.Locator("figure[data-chart-type=line] .legend")).ToContainTextAsync("Revenue");
        await Assertions.Expect(page.Locator("figure[data-chart-type=line] svg")).ToContainTextAsync("06-12");

        var table = page.Locator("[data-block=table]");
        Assert.Equal(2, await table.Locator("tr").CountAsync());
        await Assertions.Expect(table.Locator("td").First).ToHaveTextAsync("<img src=x onerror=\"window.__pwned=1\">");
        Assert.Equal("right", await table.Locator("td").Nth(1).EvaluateAsync<string>("cell => cell.style.textAlign"));
        var dataTable = page.Locator("[data-block=data_table]");
        await Assertions.Expect(dataTable.Locator("caption")).ToHaveTextAsync("Ads <b>ranked</b>");
        await Assertions.Expect(dataTable.Locator("tr").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("$12.50");
        await Assertions.Expect(dataTable.Locator("tr").Nth(2).Locator("td").Nth(1)).ToHaveTextAsync("20");

        Assert.Equal(0, await page.Locator("#conversation img, #conversation b").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__pwned"));
        await Browser.ScreenshotAsync(page, "playground-charts-and-tables");
        Assert.Empty(outside);
    }

    [NeedsFact(External.Chromium)]
    public async Task The_front_page_says_what_runs_and_leads_to_the_playground_and_health()
    {
        var (page, outside) = await _browser.OpenAsync(AppAddress);
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("TikTokBot is running");
        await Assertions.Expect(page.Locator("table.facts")).ToContainTextAsync("demo data");
        await Assertions.Expect(page.Locator("table.facts")).ToContainTextAsync("SQLite");
        await Assertions.Expect(page.Locator("a[href='/readyz']")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "front-page");

        await page.ClickAsync("a[href='/playground']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Playground");
        Assert.Empty(outside);
    }

    [NeedsFact(External.Chromium)]
    public async Task Under_the_content_security_policy_the_pages_are_styled_their_script_runs_and_nothing_is_blocked()
    {
        var (page, outside) = await _browser.OpenAsync(AppAddress);
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

        foreach (var path in new[] { "/", "/playground" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
            // The shared style sheet applied (main is 52rem wide), though the policy allows no inline style.
            Assert.Equal("832px", await page.Locator("main").EvaluateAsync<string>("main => getComputedStyle(main).maxWidth"));
        }

        await page.FillAsync("#command", "/ttmetrics campaign-42");
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator(".exchange").Nth(0).Locator("[data-block=header]")).ToHaveTextAsync("campaign-42 Autumn Sale");
        Assert.Empty(complaints);
        Assert.Empty(outside);
    }
}
