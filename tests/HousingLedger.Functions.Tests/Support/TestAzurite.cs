using System.Net;
using System.Net.Sockets;
using HousingLedger.Infrastructure.Storage.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// A private Azurite for this test run, in memory, on free loopback ports: tests never share state with a
/// developer's Azurite, and every test creates its own associations, so they do not share chains either.
/// </summary>
public sealed class TestAzurite : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public string ConnectionString => azurite?.Endpoints.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory, SourceFolder()) ?? throw new InvalidOperationException("No package.json above " + AppContext.BaseDirectory);
        var endpoints = new AzuriteEndpoints("127.0.0.1", FreePort(), FreePort(), FreePort());
        azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root, endpoints, Location: null), NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>This file's folder when it was compiled: inside the repository even when the build output is not.</summary>
    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<TestAzurite>
{
    public const string Name = "Azurite";
}
