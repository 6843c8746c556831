using System.Text.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Reads the <c>Values</c> of <c>local.settings.json</c> at the repository root (or, when there is none,
/// <c>local.settings.sample.json</c>) as configuration, as Core Tools does for the Functions host. Keys may be
/// written with <c>:</c> or <c>__</c>. They rank lowest: environment variables and the command line override them.
/// </summary>
internal static class LocalSettingsFile
{
    public static readonly string[] FileNames = ["local.settings.json", "local.settings.sample.json"];

    /// <returns>The file read, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="InvalidOperationException">The file is not JSON with a <c>Values</c> object.</exception>
    public static string? AddTo(IConfigurationBuilder configuration, string repositoryRoot)
    {
        var file = FileNames.Select(name => Path.Combine(repositoryRoot, name)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            return null;
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = ReadValues(file) });
        return file;
    }

    private static Dictionary<string, string?> ReadValues(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"{file} has no \"Values\" object.");
            }

            return values.EnumerateObject().ToDictionary(
                p => p.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(),
                StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{file} is not valid JSON: {ex.Message}", ex);
        }
    }
}
