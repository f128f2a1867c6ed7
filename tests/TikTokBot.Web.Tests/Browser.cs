using Microsoft.Playwright;
using TikTokBot.Testing.External;

namespace TikTokBot.Web.Tests;

/// <summary>
/// One headless Chromium for the test class: Debian's package, driven by Playwright's bundled driver (its own browser
/// download cannot work here). Each test gets a fresh context, so no cookie or storage leaks between tests. Tests that use
/// it say [NeedsFact(External.Chromium)]: without Chromium they are reported as skipped, and this starts nothing.
/// </summary>
[ExternalResource(External.Chromium)]
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = ExternalResources.ChromiumPath;

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // xunit builds a class fixture even when every test of the class is skipped.
        if (!ExternalResources.IsAvailable(External.Chromium))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        // Launch gives every browser a fresh temporary profile (user-data-dir) and removes it on close.
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page in a fresh context that refuses every request leaving the app under test: the page must need nothing else.</summary>
    public async Task<(IPage Page, List<string> Outside)> OpenAsync(Uri app)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString(), ViewportSize = new() { Width = 1100, Height = 900 } });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host == app.Host && url.Port == app.Port)
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        return (await context.NewPageAsync(), outside);
    }

    /// <summary>Keeps a full-page screenshot under TestResults/screenshots/ as the test's artefact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TikTokBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
