namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>How to start an Azurite.</summary>
/// <param name="RepositoryRoot">The folder with <c>package.json</c>, whose <c>node_modules</c> holds the pinned Azurite.</param>
/// <param name="Endpoints">Where it listens.</param>
/// <param name="Location">The folder it keeps its data in, or <see langword="null"/> to keep everything in memory.</param>
public sealed record AzuriteStartOptions(string RepositoryRoot, AzuriteEndpoints Endpoints, string? Location)
{
    /// <summary>How long to wait for every port to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
