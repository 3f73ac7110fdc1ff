using Microsoft.Playwright;

namespace DecapSim.Explorer.Tests.Browser;

/// <summary>
/// The page in Debian's chromium driven by Playwright (no browser download: <c>ExecutablePath = /usr/bin/chromium</c>).
/// Skipped when chromium is not installed. Screenshots go to <c>screenshots/</c> next to the test assembly (or to
/// <c>DECAPSIM_SCREENSHOTS</c>).
/// </summary>
public sealed class PageTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static string ScreenshotDir()
    {
        var dir = Environment.GetEnvironmentVariable("DECAPSIM_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static async Task<string> KeyNumbers(IPage page) => await page.InnerTextAsync("#keynumbers tbody");

    private static async Task<string> Curve(IPage page) =>
        await page.GetAttributeAsync("#chart-violence path.median[data-current='1']", "data-values") ?? "";

    private static async Task<string> CurvePath(IPage page) =>
        await page.GetAttributeAsync("#chart-violence path.median[data-current='1']", "d") ?? "";

    private static async Task WaitDone(IPage page) =>
        await page.WaitForFunctionAsync("() => document.getElementById('status').dataset.status === 'done' && document.querySelector('#keynumbers tbody tr')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });

    [SkippableFact]
    public async Task Move_a_slider_run_and_the_permalink_reproduces_the_numbers()
    {
        Skip.IfNot(File.Exists(Chromium), "chromium is not installed (apt-get install chromium)");
        await using var host = await ExplorerHost.StartServed(ExplorerHost.TestOptions(o => o with { Charts = true }));
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox", "--disable-gpu"], Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1500 } });
        var shots = ScreenshotDir();

        await page.GotoAsync(host.Url + "/");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'");
        Assert.Equal(8, await page.Locator("#levers input[type=range]").CountAsync());
        Assert.Equal("el-mencho-2026", await page.InputValueAsync("#scenario"));
        Assert.Contains("CJNG", await page.InnerTextAsync("#question"));
        // opening the page runs the scenario as bundled without a click (the later variants branch from it)
        await WaitDone(page);
        Assert.Contains("Done: 8/8 replicates", await page.InnerTextAsync("#status"));
        Assert.Equal(1, await page.Locator("#chart-violence path.median:not([stroke-dasharray='6 4'])").CountAsync());
        await SetRange(page, "#replicates", "3");
        await SetRange(page, "#weeks", "30");
        await page.ClickAsync("#run");
        await WaitDone(page);
        var numbers0 = await KeyNumbers(page);
        var curve0 = await Curve(page);
        Assert.Contains("Homicides in the first 6 months", numbers0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "explorer-1-scenario.png"), FullPage = true });

        // move the interdiction slider and run again: the curve and the key numbers change, the baseline is reused
        await SetRange(page, "#levers .lever[data-key='Arms.Interdiction'] input", "0.9");
        await SetRange(page, "#levers .lever[data-key='Economy.Demand'] input", "0.3");
        await page.ClickAsync("#run");
        await WaitDone(page);
        var numbers1 = await KeyNumbers(page);
        var curve1 = await Curve(page);
        Assert.NotEqual(numbers0, numbers1);
        Assert.NotEqual(curve0, curve1);
        Assert.Equal(2, await page.Locator("#chart-violence path.median:not([stroke-dasharray='6 4'])").CountAsync()); // two variants
        Assert.Contains("reused", await page.InnerTextAsync("#timing"));
        Assert.Contains("--set-from 2026-02-22", await page.InnerTextAsync("#command"));

        // hover shows values; the map has 32 states with hover text
        var box = await page.Locator("#chart-violence rect.overlay").BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width * 0.5f, box.Y + box.Height * 0.5f);
        Assert.Contains("week", await page.InnerTextAsync("#tip"));
        Assert.Equal(32, await page.Locator("#map g.tile").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "explorer-2-variant.png"), FullPage = true });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.62f, box.Y + box.Height * 0.3f);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "explorer-top.png"), Clip = new() { X = 0, Y = 0, Width = 1400, Height = 1000 } });

        // zoom: drag over the first third
        var path1 = await CurvePath(page);
        await page.Mouse.MoveAsync(box.X + 5, box.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 3, box.Y + 20, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        Assert.NotEqual(path1, await CurvePath(page));

        // the permalink reproduces the numbers in a fresh page
        var link = await page.GetAttributeAsync("#permalink", "href");
        Assert.Contains("set=Arms.Interdiction%3D0.9", link);
        Assert.Contains("model=", link);
        var page2 = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1500 } });
        await page2.GotoAsync(host.Url + link);
        await WaitDone(page2);
        Assert.Equal(numbers1, await KeyNumbers(page2));
        Assert.Equal("0.9", await page2.InputValueAsync("#levers .lever[data-key='Arms.Interdiction'] input"));

        // downloads: the CSV is the run's
        var href = await page2.GetAttributeAsync("#downloads a[href$='weekly.csv']", "href");
        Assert.StartsWith("replicate,week,date,homicides", await host.Client.GetStringAsync(href));
        await page2.ScreenshotAsync(new() { Path = Path.Combine(shots, "explorer-3-permalink.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Bad_input_from_the_page_is_shown_with_the_field()
    {
        Skip.IfNot(File.Exists(Chromium), "chromium is not installed (apt-get install chromium)");
        await using var host = await ExplorerHost.StartServed();
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox", "--disable-gpu"], Headless = true });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.Url + "/?scenario=el-mencho-2026&set=Arms.Interdiction%3D0.5&from=2019-01-01&replicates=1&weeks=8&seed=1");
        await page.WaitForSelectorAsync("#problem:not([hidden])");
        Assert.Contains("from", await page.InnerTextAsync("#problem"));
    }

    private static Task SetRange(IPage page, string selector, string value) =>
        page.EvalOnSelectorAsync(selector, "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }", value);
}
