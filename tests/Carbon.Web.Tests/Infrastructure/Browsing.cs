using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests.Infrastructure;

/// <summary>What the tests do with a page: sign in, open a page and time it, check the layout, take a screenshot.</summary>
public static class Browsing
{
    /// <summary>Signs in on /sign-in as a person would; the site then shows the front page.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
        await page.ExpectPathAsync("/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page shows <paramref name="path"/> (any query). blazor.web.js follows links by "enhanced navigation"
    /// (fetch, patch the document, pushState), which has no load event to wait for: this polls the address instead.
    /// </summary>
    public static Task ExpectPathAsync(this IPage page, string path) =>
        Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + @"(\?[^#]*)?(#.*)?$"));

    /// <summary>
    /// Opens <paramref name="path"/> with a full page load and prints the server's time for it from the browser's
    /// Navigation Timing (responseStart − requestStart: the wait for the first byte, rendering included). Informative only.
    /// </summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path, ITestOutputHelper output)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        await PrintServerTimeAsync(page, output);
        return response;
    }

    /// <summary>Prints the server time of the page's last full load (after a form post: the page it ended on).</summary>
    public static async Task PrintServerTimeAsync(this IPage page, ITestOutputHelper output)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; " +
            "return n ? { server: n.responseStart - n.requestStart, total: n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : null, type: n.type } : null; }");
        if (json.ValueKind != JsonValueKind.Object)
        {
            output.WriteLine($"server time {PathOf(page.Url)}: (no navigation entry)");
            return;
        }
        var server = json.GetProperty("server").GetDouble().ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"server time {PathOf(page.Url)}: {server} ms (responseStart − requestStart)");
    }

    /// <summary>The page is no wider than the window: nothing makes a phone scroll sideways.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1],
            $"{PathOf(page.Url)} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways on a phone");
    }

    /// <summary>
    /// A viewport screenshot: into docs/screenshots/<paramref name="name"/>.png when CARBON_SCREENSHOTS=1 (to refresh the
    /// committed ones), else into TestResults/screenshots, so a test run leaves the working tree as it found it.
    /// </summary>
    public static async Task ScreenshotAsync(this IPage page, string name, ITestOutputHelper output)
    {
        if (RepoRoot is null)
        {
            output.WriteLine($"screenshot {name}: not saved (no Carbon.sln above {AppContext.BaseDirectory})");
            return;
        }
        var folder = Environment.GetEnvironmentVariable("CARBON_SCREENSHOTS") == "1"
            ? Path.Combine(RepoRoot, "docs", "screenshots")
            : Path.Combine(RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        // The top of the page, nothing focused, fonts loaded: the page as one first sees it.
        await page.EvaluateAsync("() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); return document.fonts.ready.then(() => true); }");
        await page.ScreenshotAsync(new() { Path = file, FullPage = false, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot {Path.GetRelativePath(RepoRoot, file)} ({new FileInfo(file).Length / 1024} KB)");
    }

    /// <summary>The element beside a form field (its container) that holds the field's error message.</summary>
    public static ILocator ErrorBeside(this IPage page, string fieldSelector) =>
        page.Locator(fieldSelector).Locator("xpath=..").Locator(".error[role=alert]");

    /// <summary>The folder holding Carbon.sln, found by walking up from the test binaries.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Carbon.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;
}
