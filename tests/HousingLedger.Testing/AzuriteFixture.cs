using System.Net;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Storage.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HousingLedger.Testing;

/// <summary>
/// A private Azurite for one test run: the repository's pinned version, on free loopback ports, keeping
/// everything in memory, so tests never share state with a developer's Azurite or another run. Use it as an
/// xunit collection fixture: each test assembly declares
/// <c>[CollectionDefinition(AzuriteFixture.CollectionName)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// (xunit finds collection definitions only in the test assembly itself) and its storage tests carry
/// <c>[Collection(AzuriteFixture.CollectionName)]</c>. Tests share the instance, so each names its own
/// tables, queues and containers with <see cref="UniqueName"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The collection name storage tests use.</summary>
    public const string CollectionName = "Azurite";

    private const int StartAttempts = 3;
    private AzuriteProcess? azurite;
    private StorageClients? storage;

    /// <summary>A connection string naming each endpoint explicitly, for <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString => Running.Endpoints.ConnectionString;

    /// <summary>Clients for this Azurite, configured as the app configures them (Base64 queue messages).</summary>
    public StorageClients Storage => storage ?? throw new InvalidOperationException("The fixture has not been initialised.");

    private AzuriteProcess Running => azurite ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>A fresh lowercase name starting with <paramref name="prefix"/>, valid for a table, queue or container.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        // A free port can be taken between finding it and Azurite binding it; then try other ports.
        for (var attempt = 1; azurite is null; attempt++)
        {
            var ports = LoopbackPorts.Free(3);
            var endpoints = new AzuriteEndpoints(IPAddress.Loopback.ToString(), ports[0], ports[1], ports[2]);
            try
            {
                azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(TestRepository.Root, endpoints, Location: null), NullLogger.Instance);
            }
            catch (AzuriteUnavailableException) when (attempt < StartAttempts)
            {
            }
        }

        storage = StorageClients.FromConnectionString(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
