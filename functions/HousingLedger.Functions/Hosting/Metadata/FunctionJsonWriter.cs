using System.Text.Json;
using HousingLedger.Functions.Hosting.Catalog;

namespace HousingLedger.Functions.Hosting.Metadata;

/// <summary>Writes <c>&lt;output&gt;/&lt;FunctionName&gt;/function.json</c> for every function of a catalog.</summary>
internal static class FunctionJsonWriter
{
    public const string FileName = "function.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Writes every function's file and removes the function.json of any function no longer declared, so a
    /// reused output folder never deploys a stale function. Returns the function names written.
    /// </summary>
    public static IReadOnlyList<string> Write(FunctionCatalog catalog, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        foreach (var (name, json) in FunctionJson.All(catalog))
        {
            var folder = Path.Combine(outputFolder, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, FileName), json.ToJsonString(Indented) + "\n");
            written.Add(name);
        }

        RemoveUndeclared(outputFolder, written);
        return written;
    }

    private static void RemoveUndeclared(string outputFolder, IReadOnlyList<string> declared)
    {
        var keep = new HashSet<string>(declared, StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.EnumerateDirectories(outputFolder))
        {
            var file = Path.Combine(folder, FileName);
            if (keep.Contains(Path.GetFileName(folder)) || !File.Exists(file))
            {
                continue;
            }

            File.Delete(file);
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }
}
