using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace HousingLedger.Infrastructure.Storage;

/// <summary>
/// The service's three storage clients, built once from the <c>AzureWebJobsStorage</c> connection that the
/// Functions host uses too. Queue messages are Base64-encoded, as the host's queue trigger expects, and a
/// message that cannot be decoded moves to <c>&lt;queue&gt;-poison</c> instead of blocking its queue.
/// Thread-safe: register one instance as a singleton (<see cref="StorageServiceCollectionExtensions.AddStorage"/>).
/// </summary>
public sealed class StorageClients
{
    /// <summary>The configuration name of the storage connection, shared with the Functions host.</summary>
    public const string ConnectionSettingName = "AzureWebJobsStorage";

    private StorageClients(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
    }

    public TableServiceClient Tables { get; }

    /// <summary>The one queue client of the process, Base64-encoding every message.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>
    /// Clients for a storage connection string, including <c>UseDevelopmentStorage=true</c> (Azurite on its
    /// default ports).
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static StorageClients FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageClients(
            new TableServiceClient(connectionString),
            new QueueServiceClient(connectionString, QueueOptions()),
            new BlobServiceClient(connectionString));
    }

    /// <summary>Clients for an identity-based connection: each service by its URI, signed in with <paramref name="credential"/>.</summary>
    public static StorageClients FromServiceUris(StorageServiceUris uris, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(uris);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageClients(
            new TableServiceClient(uris.Table, credential),
            new QueueServiceClient(uris.Queue, credential, QueueOptions()),
            new BlobServiceClient(uris.Blob, credential));
    }

    /// <summary>
    /// Clients for the <c>AzureWebJobsStorage</c> setting, read the way the Functions host reads it: a
    /// connection string, or an identity-based section (<c>AzureWebJobsStorage__accountName</c>, or
    /// <c>__tableServiceUri</c>, <c>__queueServiceUri</c> and <c>__blobServiceUri</c>, with an optional
    /// <c>__clientId</c> for a user-assigned managed identity).
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is missing or incomplete.</exception>
    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ConnectionSettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var uris = StorageServiceUris.FromSection(section);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
        return FromServiceUris(uris, credential);
    }

    /// <summary>Whether <c>AzureWebJobsStorage</c> is <c>UseDevelopmentStorage=true</c>: Azurite on its default ports.</summary>
    public static bool IsDevelopmentStorage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConnectionSettingName]?.Trim().StartsWith("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static QueueClientOptions QueueOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.MessageDecodingFailed += UndecodableQueueMessages.MoveToPoisonAsync;
        return options;
    }
}
