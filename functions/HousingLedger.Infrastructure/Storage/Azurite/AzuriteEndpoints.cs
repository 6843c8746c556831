namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>Where an Azurite instance listens: one host, a port per service.</summary>
public sealed record AzuriteEndpoints(string Host, int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>Azurite's own defaults, which <c>UseDevelopmentStorage=true</c> points at.</summary>
    public static AzuriteEndpoints Default { get; } = new("127.0.0.1", 10000, 10001, 10002);

    /// <summary>Azurite's fixed development account, published with the emulator; it guards nothing.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The key of <see cref="AccountName"/>, the same in every Azurite.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public IReadOnlyList<int> Ports => [BlobPort, QueuePort, TablePort];

    /// <summary>A connection string naming each endpoint explicitly, so any port works.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://{Host}:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://{Host}:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://{Host}:{TablePort}/{AccountName}";
}
