using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Cli.Inputs;

/// <summary>Reads a small JSON file as one of the domain's documents, with the domain's own reader.</summary>
internal static class JsonFile
{
    /// <summary>
    /// Reads <paramref name="path"/> as a JSON object and then with <paramref name="read"/>. Problems are corrupt
    /// when the file is under audit, unusable otherwise (see <see cref="InputFile.ReadTextAsync"/>).
    /// </summary>
    public static async Task<Loaded<T>> ReadAsync<T>(
        string path, string what, bool underAudit, Func<JsonObject, Validated<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var text = await InputFile.ReadTextAsync(path, what, underAudit, cancellationToken);
        if (text.Value is null)
        {
            return text.As<T>();
        }

        if (!StrictJson.TryParse(Encoding.UTF8.GetBytes(text.Value), out var node, out var reason))
        {
            return Bad($"is not JSON: {reason}");
        }

        if (node is not JsonObject json)
        {
            return Bad("is not a JSON object");
        }

        var document = read(json);
        if (!document.IsValid)
        {
            var first = document.Errors[0];
            return Bad($"is not a {what}: {first.Field} {first.Message}".TrimEnd());
        }

        return Loaded<T>.Ok(document.Value);

        Loaded<T> Bad(string problem)
        {
            var message = $"the {what} '{path}' {problem}";
            return underAudit ? Loaded<T>.Corrupt(message) : Loaded<T>.Unusable(message);
        }
    }
}
