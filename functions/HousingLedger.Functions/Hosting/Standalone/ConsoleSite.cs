using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Serves the staff console (the repository's <c>console/</c> folder) at <c>/</c>, with the libraries it loads from
/// <c>node_modules</c> as <c>console/site.json</c> places them. In Azure the same files are a Static Web App (see
/// docs/deploy.md); the function app serves only <c>/api</c>.
/// </summary>
internal static class ConsoleSite
{
    public const string Folder = "console";

    // The console's only origin is this one: no inline script or style, no framing. A page built from the API's
    // answers cannot run what an answer carries even if a bug let markup through.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void MapConsole(this WebApplication app, string repositoryRoot)
    {
        var site = Path.Combine(repositoryRoot, Folder);
        if (!Directory.Exists(site))
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments($"/{HttpFunctionEndpoints.RoutePrefix}"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            }

            await next();
        });

        foreach (var (path, folder) in Libraries(site))
        {
            var root = Path.Combine(repositoryRoot, folder);
            if (Directory.Exists(root))
            {
                app.UseStaticFiles(new StaticFileOptions { RequestPath = path, FileProvider = new PhysicalFileProvider(root) });
            }
        }

        var files = new PhysicalFileProvider(site);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // Every page is index.html: the console reads its path and draws the page. API paths stay the API's, so an
        // unknown one is still a 404 problem.
        app.MapFallbackToFile("{*page:regex(^(?!api/).*$)}", "index.html", new StaticFileOptions { FileProvider = files });
    }

    private static Dictionary<string, string> Libraries(string site)
    {
        using var stream = File.OpenRead(Path.Combine(site, "site.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("libraries").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
