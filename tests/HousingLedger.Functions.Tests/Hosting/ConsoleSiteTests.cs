using System.Net;
using System.Text.RegularExpressions;
using HousingLedger.Functions.Tests.Publishing;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>
/// The console as the standalone host serves it and as scripts/build-console builds it for Azure: the same files at the
/// same paths, every page path answering the console, and the API's paths still the API's.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class ConsoleSiteTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/jobs")]
    [InlineData("/jobs/job_123")]
    [InlineData("/ledger/receipts/evt_abc")]
    public async Task Every_console_path_answers_the_console_with_its_security_headers(string path)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, path, key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<main class=\"govuk-main-wrapper\" id=\"main-content\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_api_path_with_no_route_is_still_a_problem_not_the_console()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, "/api/no-such-route", key: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_script_is_a_404_not_the_page_in_its_place()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, "/app/no-such-module.js", key: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Everything_the_console_loads_is_served_from_the_pinned_packages()
    {
        using var page = await Api.SendAsync(HttpMethod.Get, "/", key: null);
        var references = Referenced(await page.Content.ReadAsStringAsync());
        using var styles = await Api.SendAsync(HttpMethod.Get, "/govuk/govuk-frontend.min.css", key: null);
        references.AddRange(CssUrls().Matches(await styles.Content.ReadAsStringAsync()).Select(m => m.Groups["url"].Value));

        Assert.Contains("/chart.js/chart.umd.min.js", references);
        Assert.Contains(references, r => r.StartsWith("/assets/fonts/", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            using var response = await Api.SendAsync(HttpMethod.Get, reference, key: null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void The_site_built_for_Azure_holds_what_the_standalone_host_serves()
    {
        var site = Path.Combine(Path.GetTempPath(), "hl-console-site-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var run = CommandRun.Of("node", [Path.Combine(TestRepository.Root, "scripts", "build-console"), site], TestRepository.Root, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.Output);

            var references = Referenced(File.ReadAllText(Path.Combine(site, "index.html")));
            references.AddRange(CssUrls().Matches(File.ReadAllText(Path.Combine(site, "govuk", "govuk-frontend.min.css"))).Select(m => m.Groups["url"].Value));
            Assert.All(references, r => Assert.True(File.Exists(Path.Combine(site, r.TrimStart('/'))), $"{r} is not in the built site"));
            Assert.True(File.Exists(Path.Combine(site, "staticwebapp.config.json")));
            Assert.Equal(
                Directory.GetFiles(Path.Combine(TestRepository.Root, "console", "app"), "*.js", SearchOption.AllDirectories).Length,
                Directory.GetFiles(Path.Combine(site, "app"), "*.js", SearchOption.AllDirectories).Length);
        }
        finally
        {
            if (Directory.Exists(site))
            {
                Directory.Delete(site, recursive: true);
            }
        }
    }

    /// <summary>The files a page loads from this origin (not its links to pages, nor the API).</summary>
    private static List<string> Referenced(string page) =>
        [.. PageReferences().Matches(page).Select(m => m.Groups["url"].Value).Where(u => Path.HasExtension(u) && !u.StartsWith("/api/", StringComparison.Ordinal))];

    [GeneratedRegex("(?:href|src)=\"(?<url>/[^\"#]*)\"")]
    private static partial Regex PageReferences();

    [GeneratedRegex("""url\((?<url>/[^)]+)\)""")]
    private static partial Regex CssUrls();
}
