using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HousingLedger.Testing;
using Microsoft.Playwright;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// A test of the staff console in a real browser: the in-process host (API and console) against the run's Azurite,
/// and a fresh browser context per test. Each page a test visits can be checked with axe and kept as a screenshot
/// under the test output (<c>screenshots/</c>) for a reviewer to look at.
/// </summary>
public abstract class ConsoleTest(AzuriteFixture azurite) : ServiceTest(azurite)
{
    /// <summary>The WCAG 2.2 A and AA rules, and the earlier versions' that 2.2 keeps.</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private readonly List<string> scriptErrors = [];
    private readonly List<string> serverTrouble = [];
    private IBrowserContext? context;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected IPage Page { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        var browser = await Chromium.GetAsync();
        await base.InitializeAsync();
        context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        // Waits outlast a pause of the whole test Azurite, not only a busy two-core machine: its queue garbage
        // collection stops every table and queue call while it runs, once a minute, measured at 11.6 s after a
        // minute of heavy queue traffic (docs/performance.md, "Azurite's queue garbage collection").
        context.SetDefaultTimeout(60_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        Page = await context.NewPageAsync();
        Page.PageError += (_, error) => scriptErrors.Add(error);

        // A request that got no answer, or a 5xx, is the service failing the user, whatever the page then shows. One
        // the browser dropped itself, leaving the page, is not.
        Page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
            {
                serverTrouble.Add($"{request.Method} {request.Url}: {request.Failure}");
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                serverTrouble.Add($"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
    }

    public override async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        await base.DisposeAsync();

        // A page whose script threw, or that the service failed, is broken however its assertions went.
        Assert.Empty(scriptErrors);
        Assert.Empty(serverTrouble);
    }

    /// <summary>Signs in on the console's sign-in page with <paramref name="apiKey"/> and waits for the first page.</summary>
    protected async Task SignInAsync(string apiKey, string startAt = "/")
    {
        await Page.GotoAsync($"/sign-in?next={Uri.EscapeDataString(startAt)}");
        await Page.GetByLabel("API key").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // Commit, not the load event: signing in is done once the browser is on the next page, whose heading is
            // awaited below. The load event also waits for every script and style of that page, and once, in a
            // full run, did not come within the wait although the page was shown.
            await Page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            // Say what the user would see, and what the service did, rather than only that a wait ran out.
            var shown = await Page.Locator("main").InnerTextAsync();
            Assert.Fail($"Signing in stayed on {Page.Url}, which shows: {shown}\nRequests the service failed: {string.Join("; ", serverTrouble)}");
        }

        await Page.Locator("main h1").WaitForAsync();
    }

    /// <summary>Forgets the requests the service failed so far, for a test that fails them on purpose.</summary>
    protected void ForgetServerTrouble() => serverTrouble.Clear();

    /// <summary>
    /// Presses Tab until the focused element's accessible text is <paramref name="text"/> (at most 60 times), and
    /// holds its focus to being visible: GOV.UK Frontend's yellow focus state, as an outline or a highlight.
    /// </summary>
    protected async Task TabToAsync(string text)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<string>("() => (document.activeElement.labels?.[0] ?? document.activeElement).textContent.trim()");
            if (focused == text)
            {
                var style = await Page.EvaluateAsync<string[]>(
                    "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineColor, s.backgroundColor]; }");
                const string focusYellow = "rgb(255, 221, 0)";
                Assert.True(style[2] == focusYellow || (style[0] != "none" && style[1] == focusYellow), $"'{text}' has focus but shows no focus state: {string.Join(", ", style)}");
                return;
            }
        }

        Assert.Fail($"Tab never reached '{text}'.");
    }

    /// <summary>
    /// Holds the page as it is now to WCAG 2.2 A and AA with axe, and keeps a full-page screenshot of it as
    /// <c>screenshots/{name}.png</c>.
    /// </summary>
    protected async Task CheckPageAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
        var results = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.True(results.Violations.Length == 0, $"{name} breaks WCAG 2.2 AA:\n" + string.Join("\n", violations));
    }
}
