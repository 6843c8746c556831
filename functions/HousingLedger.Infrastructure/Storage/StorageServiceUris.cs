using Microsoft.Extensions.Configuration;

namespace HousingLedger.Infrastructure.Storage;

/// <summary>Where each storage service of an account answers, for an identity-based connection.</summary>
public sealed record StorageServiceUris(Uri Table, Uri Queue, Uri Blob)
{
    /// <summary>The public-cloud endpoints of account <paramref name="accountName"/>.</summary>
    public static StorageServiceUris ForAccount(string accountName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return new StorageServiceUris(Endpoint(accountName, "table"), Endpoint(accountName, "queue"), Endpoint(accountName, "blob"));
    }

    /// <summary>
    /// Reads an identity-based connection section: explicit <c>tableServiceUri</c>, <c>queueServiceUri</c> and
    /// <c>blobServiceUri</c> win over those derived from <c>accountName</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A service has neither an explicit URI nor an account name to derive one from.</exception>
    public static StorageServiceUris FromSection(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var accountName = section["accountName"];
        var derived = string.IsNullOrWhiteSpace(accountName) ? null : ForAccount(accountName);
        return new StorageServiceUris(
            Read(section, "tableServiceUri", derived?.Table),
            Read(section, "queueServiceUri", derived?.Queue),
            Read(section, "blobServiceUri", derived?.Blob));
    }

    private static Uri Endpoint(string accountName, string service) => new($"https://{accountName}.{service}.core.windows.net/");

    private static Uri Read(IConfigurationSection section, string key, Uri? fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback ?? throw new InvalidOperationException(
                $"{section.Path} is not set. Set it to a storage connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or set {section.Path}__accountName (or {section.Path}__{key}) for an identity-based connection.");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException($"{section.Path}:{key} is '{text}', which is not an absolute http(s) URI.");
    }
}
