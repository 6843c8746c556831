using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Signing.KeyVault;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.Tests.Signing;

[Collection(AzuriteFixture.CollectionName)]
public sealed class SigningOptionsTests(AzuriteFixture azurite)
{
    private const string KeyVersionUri = "https://hledger-kv.vault.azure.net/keys/ledger-signing/9885aa558e8d448789683188f8c194b0";

    [Fact]
    public void CreateKey_WithNoKeyVaultKeyId_SignsWithTheLocalKeyFile_CreatingItOnce()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), "hl-test-keys", $"options-{Guid.NewGuid():N}.pem");
        try
        {
            var first = CreateKey(new() { ["Signing:KeyVaultKeyId"] = "", ["Signing:LocalKeyPath"] = keyPath });
            var again = CreateKey(new() { ["Signing:LocalKeyPath"] = keyPath });

            Assert.IsType<EcdsaSigningKey>(first);
            Assert.True(File.Exists(keyPath), $"no key file at {keyPath}");
            Assert.Equal(first.KeyId, again.KeyId);
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public void CreateKey_WithAKeyVaultKeyId_SignsInKeyVaultUnderThatVersionedUri()
    {
        var key = CreateKey(new() { ["Signing:KeyVaultKeyId"] = KeyVersionUri });

        Assert.IsType<KeyVaultSigningKey>(key);
        Assert.Equal(KeyVersionUri, key.KeyId);
    }

    [Theory]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger-signing", "version included")]
    [InlineData("http://hledger-kv.vault.azure.net/keys/ledger-signing/9885aa558e8d448789683188f8c194b0", "https only")]
    [InlineData("https://hledger-kv.example.org/keys/ledger-signing/9885aa558e8d448789683188f8c194b0", "not a vault")]
    public async Task The_app_refuses_to_start_with_a_key_id_that_is_not_a_versioned_key_uri(string keyId, string why)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ServiceHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["Signing:KeyVaultKeyId"] = keyId }));

        Assert.True(refused.Message.Contains("Signing:KeyVaultKeyId", StringComparison.Ordinal) && refused.Message.Contains(why, StringComparison.Ordinal),
            $"expected the start-up failure to name Signing:KeyVaultKeyId and say '{why}'; it says: {refused.Message}");
    }

    [Fact]
    public void Validate_AcceptsAnEmptyOrVersionedKeyId()
    {
        Assert.Empty(new SigningOptions { KeyVaultKeyId = "" }.Validate(new(new object())));
        Assert.Empty(new SigningOptions { KeyVaultKeyId = KeyVersionUri }.Validate(new(new object())));
    }

    private static ISigningKey CreateKey(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new() { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<SigningOptions>().BindConfiguration("Signing");
        using var host = builder.Build();
        return SigningOptions.CreateKey(host.Services);
    }
}
