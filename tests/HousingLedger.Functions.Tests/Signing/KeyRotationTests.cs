using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Signing;

/// <summary>
/// Rotating the ledger key end to end: the service signs with key A, restarts with key B (as it does when
/// <c>Signing:KeyVaultKeyId</c> is pointed at a new key version), and the whole chain still verifies online and
/// offline, because key A stays published.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class KeyRotationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "hl-test-keys", "rotation-" + Guid.NewGuid().ToString("N"));
    private SupplierEndpoint supplierEndpoint = null!;

    public async Task InitializeAsync() => supplierEndpoint = await SupplierEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await supplierEndpoint.DisposeAsync();
        if (Directory.Exists(keyFolder))
        {
            Directory.Delete(keyFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Blocks_signed_before_and_after_a_key_rotation_verify_online_and_offline_with_the_published_keys()
    {
        Association association;
        string contractId;
        await using (var beforeRotation = await StartWithKeyAsync("key-a.pem"))
        {
            using var api = new ApiClient(beforeRotation.BaseAddress);
            association = await api.OnboardAssociationAsync();
            var supplier = await api.RegisterSupplierAsync(supplierEndpoint.Url);
            contractId = await api.RegisterContractAsync(association, supplier.SupplierId);
            await api.RaiseJobAsync(association, contractId);
            await api.WaitForChainAsync(association, 2);
        }

        await using var afterRotation = await StartWithKeyAsync("key-b.pem");
        using var rotated = new ApiClient(afterRotation.BaseAddress);
        await rotated.RaiseJobAsync(association, contractId);
        await rotated.RaiseJobAsync(association, contractId);
        await rotated.WaitForChainAsync(association, 4);

        var (kidA, kidB) = (KeyIdOf("key-a.pem"), KeyIdOf("key-b.pem"));
        var blocks = await ExportAsync(rotated, association);
        var kids = blocks.Select(b => b.Header.Kid).ToList();
        Assert.True(kids.Count >= 2 && kids[0] == kidA && kids[^1] == kidB && kids.SkipWhile(k => k == kidA).All(k => k == kidB),
            $"expected blocks signed by {kidA}, then by {kidB}; found {string.Join(", ", kids)}");

        var published = await PublishedKeysAsync(rotated);
        Assert.True(published.Find(kidA) is not null && published.Find(kidB) is not null,
            $"the JWKS should list {kidA} and {kidB}; it lists {string.Join(", ", published.Keys.Select(k => k.KeyId))}");

        var online = await rotated.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/verify", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.True((bool)online["valid"]!, online.ToJsonString());
        Assert.Equal(4, (long)online["transactions"]!);

        // Offline: the export and the JWKS alone.
        var offline = new ChainVerifier(association.AssociationId, published.Find);
        Assert.All(blocks, block => Assert.True(offline.Add(block), offline.Result.Failure?.ToString()));
        Assert.Equal(4, offline.Result.Transactions);
    }

    [Fact]
    public async Task A_checkpoint_after_a_rotation_is_signed_by_the_new_key()
    {
        Association association;
        await using (var beforeRotation = await StartWithKeyAsync("key-a.pem"))
        {
            using var api = new ApiClient(beforeRotation.BaseAddress);
            association = await api.OnboardAssociationAsync();
            var supplier = await api.RegisterSupplierAsync(supplierEndpoint.Url);
            await api.RegisterContractAsync(association, supplier.SupplierId);
            await api.WaitForChainAsync(association, 1);
        }

        await using var afterRotation = await StartWithKeyAsync("key-b.pem");
        using var rotated = new ApiClient(afterRotation.BaseAddress);
        using var answer = await rotated.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/checkpoint", association.ApiKey);
        var note = await answer.Content.ReadAsStringAsync();

        var published = await PublishedKeysAsync(rotated);
        var underNewKey = CheckpointVerifier.Verify(note, published.Find(KeyIdOf("key-b.pem"))!);
        Assert.True(underNewKey.Valid, underNewKey.Reason);
        Assert.Equal(1, underNewKey.Checkpoint!.TreeSize);
    }

    private Task<ServiceHost> StartWithKeyAsync(string keyFile) =>
        ServiceHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["Signing:LocalKeyPath"] = Path.Combine(keyFolder, keyFile) });

    /// <summary>The kid of a local key file: its RFC 7638 thumbprint, as the service names it.</summary>
    private string KeyIdOf(string keyFile)
    {
        using var key = EcdsaSigningKey.FromPkcs8Pem(File.ReadAllText(Path.Combine(keyFolder, keyFile)));
        return key.KeyId;
    }

    private static async Task<List<Block>> ExportAsync(ApiClient api, Association association)
    {
        using var export = await api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", association.ApiKey);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => Block.FromExportLine(line)).Select(block => block.IsValid ? block.Value : throw new InvalidDataException(string.Join("; ", block.Errors)))];
    }

    private static async Task<Jwks> PublishedKeysAsync(ApiClient api)
    {
        var jwks = Jwks.FromJson(await api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK));
        Assert.True(jwks.IsValid, string.Join("; ", jwks.Errors));
        return jwks.Value;
    }
}
