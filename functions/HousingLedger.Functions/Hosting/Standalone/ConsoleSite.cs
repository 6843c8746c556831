using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Serves the staff console (the repository's <c>console/</c> folder) at <c>/</c>, with the libraries it loads from
/// <c>node_modules</c> as <c>console/site.json</c> places them, and the response headers its Static Web App
/// configuration gives it in Azure (see docs/deploy.md), where the function app serves only <c>/api</c>.
/// </summary>
internal static class ConsoleSite
{
    public const string Folder = "console";

    public static void MapConsole(this WebApplication app, string repositoryRoot)
    {
        var site = Path.Combine(repositoryRoot, Folder);
        if (!Directory.Exists(site))
        {
            return;
        }

        // The Content-Security-Policy among them allows this origin alone, no inline script or style and no framing:
        // a page built from the API's answers cannot run what an answer carries even if a bug let markup through.
        var headers = Read(site, "staticwebapp.config.json", "globalHeaders");
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments($"/{HttpFunctionEndpoints.RoutePrefix}"))
            {
                foreach (var (name, value) in headers)
                {
                    context.Response.Headers[name] = value;
                }
            }

            await next();
        });

        foreach (var (path, folder) in Read(site, "site.json", "libraries"))
        {
            var root = Path.Combine(repositoryRoot, folder);
            if (Directory.Exists(root))
            {
                app.UseStaticFiles(new StaticFileOptions { RequestPath = path, FileProvider = new PhysicalFileProvider(root) });
            }
        }

        var files = new PhysicalFileProvider(site);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // Every page is index.html: the console reads its path and draws the page. API paths stay the API's, so an
        // unknown one is still a 404 problem.
        app.MapFallbackToFile("{*page:nonfile:regex(^(?!api/).*$)}", "index.html", new StaticFileOptions { FileProvider = files });
    }

    /// <summary>The string properties of the object <paramref name="property"/> in the console's JSON file <paramref name="file"/>.</summary>
    private static Dictionary<string, string> Read(string site, string file, string property)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, file)));
        return document.RootElement.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
