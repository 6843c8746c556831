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

    /// <summary>
    /// The setting that, when <c>true</c>, counts every storage call by kind (<see cref="OperationCounts"/>), for
    /// load runs. Off by default, so production pays nothing for it.
    /// </summary>
    public const string CountOperationsSettingName = "Storage:CountOperations";

    private StorageClients(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageOperationCounts? counts)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
        OperationCounts = counts;
    }

    public TableServiceClient Tables { get; }

    /// <summary>The one queue client of the process, Base64-encoding every message.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The calls made through these clients, by kind; null unless they were built to count them.</summary>
    public StorageOperationCounts? OperationCounts { get; }

    /// <summary>
    /// Clients for a storage connection string, including <c>UseDevelopmentStorage=true</c> (Azurite on its
    /// default ports).
    /// </summary>
    /// <param name="counts">Where to count every call the clients make, by kind; none when null.</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static StorageClients FromConnectionString(string connectionString, StorageOperationCounts? counts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageClients(
            new TableServiceClient(connectionString, Counted(new TableClientOptions(), counts, StorageService.Table)),
            new QueueServiceClient(connectionString, Counted(QueueOptions(), counts, StorageService.Queue)),
            new BlobServiceClient(connectionString, Counted(new BlobClientOptions(), counts, StorageService.Blob)),
            counts);
    }

    /// <summary>Clients for an identity-based connection: each service by its URI, signed in with <paramref name="credential"/>.</summary>
    public static StorageClients FromServiceUris(StorageServiceUris uris, TokenCredential credential, StorageOperationCounts? counts = null)
    {
        ArgumentNullException.ThrowIfNull(uris);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageClients(
            new TableServiceClient(uris.Table, credential, Counted(new TableClientOptions(), counts, StorageService.Table)),
            new QueueServiceClient(uris.Queue, credential, Counted(QueueOptions(), counts, StorageService.Queue)),
            new BlobServiceClient(uris.Blob, credential, Counted(new BlobClientOptions(), counts, StorageService.Blob)),
            counts);
    }

    /// <summary>
    /// Clients for the <c>AzureWebJobsStorage</c> setting, read the way the Functions host reads it: a
    /// connection string, or an identity-based section (<c>AzureWebJobsStorage__accountName</c>, or
    /// <c>__tableServiceUri</c>, <c>__queueServiceUri</c> and <c>__blobServiceUri</c>, with an optional
    /// <c>__clientId</c> for a user-assigned managed identity).
    /// With <c>Storage:CountOperations=true</c> they count their calls (<see cref="OperationCounts"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is missing or incomplete.</exception>
    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var counts = configuration.GetValue<bool>(CountOperationsSettingName) ? new StorageOperationCounts(DateTimeOffset.UtcNow) : null;
        var section = configuration.GetSection(ConnectionSettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value, counts);
        }

        var uris = StorageServiceUris.FromSection(section);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
        return FromServiceUris(uris, credential, counts);
    }

    /// <summary>Whether <c>AzureWebJobsStorage</c> is <c>UseDevelopmentStorage=true</c>: Azurite on its default ports.</summary>
    public static bool IsDevelopmentStorage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConnectionSettingName]?.Trim().StartsWith("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static T Counted<T>(T options, StorageOperationCounts? counts, StorageService service)
        where T : ClientOptions
    {
        if (counts is not null)
        {
            options.AddPolicy(new StorageOperationCountingPolicy(counts, service), HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    private static QueueClientOptions QueueOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.MessageDecodingFailed += UndecodableQueueMessages.MoveToPoisonAsync;
        return options;
    }
}
