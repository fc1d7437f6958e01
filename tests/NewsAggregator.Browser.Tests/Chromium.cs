using Microsoft.Playwright;

namespace NewsAggregator.Browser.Tests;

/// <summary>
/// Debian's Chromium (installed by tests/run.sh), driven by Playwright. Playwright's own browser download does not
/// work on these machines, so it is never used.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: run tests/run.sh, which installs Debian's chromium package");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        return (playwright, browser);
    }

    /// <summary>The page at a desktop (1280 px) and a phone (390 px) width, full length, into the screenshots folder.</summary>
    public static async Task<IReadOnlyList<string>> ScreenshotsAsync(IBrowser browser, Uri url, string name)
    {
        var files = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(url.AbsoluteUri);
            var file = Path.Combine(RepoPaths.Screenshots, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            files.Add(file);
        }
        return files;
    }
}
