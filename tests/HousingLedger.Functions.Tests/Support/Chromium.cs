using Microsoft.Playwright;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// Debian's Chromium (the <c>chromium</c> package), driven by Playwright, launched once for the test run on first use.
/// Playwright cannot download browsers here, so it is pointed at the installed one: <c>CHROMIUM_PATH</c>, else
/// <c>/usr/bin/chromium</c>. Without one, browser tests are skipped on a developer's machine and fail under
/// <c>CI=true</c>, so CI never passes without having run them.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<Task<IBrowser>> Browser = new(LaunchAsync);

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>The browser; skips the calling test when there is none outside CI.</summary>
    /// <exception cref="InvalidOperationException">Under <c>CI=true</c> with no browser installed.</exception>
    public static Task<IBrowser> GetAsync()
    {
        if (ExecutablePath is null)
        {
            const string missing = "Debian's chromium is not installed (apt-get install chromium), and CHROMIUM_PATH names no other; the console's browser tests need it.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(missing);
            }

            Skip.If(true, missing);
        }

        return Browser.Value;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // Root in a container has no user namespaces for Chromium's sandbox. A UK browser's own controls (a date
            // field's day/month/year) follow its interface language, not the page's.
            Args = ["--no-sandbox", "--lang=en-GB"],
        });
    }
}
