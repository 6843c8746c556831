using HousingLedger.Infrastructure.Signing.KeyVault;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

public sealed class KeyVaultKeyUriTests
{
    private const string Version = "9885aa558e8d448789683188f8c194b0";

    [Theory]
    [InlineData("https://hledger-kv-x7.vault.azure.net/keys/ledger-signing/" + Version, "hledger-kv-x7.vault.azure.net")]
    [InlineData("https://HLedger-KV.Vault.Azure.NET/keys/ledger-signing/" + Version, "hledger-kv.vault.azure.net")]
    [InlineData("https://hledger.vault.azure.cn/keys/ledger-signing/" + Version, "hledger.vault.azure.cn")]
    [InlineData("https://hledger.vault.usgovcloudapi.net/keys/ledger-signing/" + Version, "hledger.vault.usgovcloudapi.net")]
    [InlineData("https://hledger-hsm.managedhsm.azure.net/keys/ledger-signing/" + Version, "hledger-hsm.managedhsm.azure.net")]
    [InlineData("https://hledger-kv.vault.azure.net:443/keys/ledger-signing/" + Version, "hledger-kv.vault.azure.net")]
    public void Parse_ReadsAVersionedKeyUri_AndWritesItAsKeyVaultDoes(string text, string host)
    {
        var parsed = KeyVaultKeyUri.Parse(text);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(host, parsed.Value.Host);
        Assert.Equal("ledger-signing", parsed.Value.Name);
        Assert.Equal(Version, parsed.Value.Version);
        Assert.Equal($"https://{host}/keys/ledger-signing/{Version}", parsed.Value.ToString());
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("  ", "is empty")]
    [InlineData("hledger-kv/ledger-signing", "not an absolute URI")]
    [InlineData("http://hledger-kv.vault.azure.net/keys/ledger-signing/" + Version, "over https only")]
    [InlineData("https://hledger-kv.vault.azure.net:8443/keys/ledger-signing/" + Version, "port")]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger-signing/" + Version + "?api-version=7.4", "query")]
    [InlineData("https://hledger-kv.vault.azure.net.attacker.example/keys/ledger-signing/" + Version, "not a vault under")]
    [InlineData("https://vault.azure.net/keys/ledger-signing/" + Version, "not a vault under")]
    [InlineData("https://a.b.vault.azure.net/keys/ledger-signing/" + Version, "not a vault under")]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger-signing", "version included")]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger-signing/", "version included")]
    [InlineData("https://hledger-kv.vault.azure.net/secrets/ledger-signing/" + Version, "version included")]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger-signing/" + Version + "/sign", "version included")]
    [InlineData("https://hledger-kv.vault.azure.net/keys/ledger_signing/" + Version, "version included")]
    public void Parse_RefusesAnythingButAVersionedKeyUriOfAVault_SayingWhy(string? text, string why)
    {
        var parsed = KeyVaultKeyUri.Parse(text);

        Assert.False(parsed.IsValid, $"'{text}' was accepted");
        var error = Assert.Single(parsed.Errors);
        Assert.True(error.Message.Contains(why, StringComparison.Ordinal), $"expected the reason to say '{why}', got: {error.Message}");
    }

    [Fact]
    public void Names_MatchesTheSameVersionWhateverTheCaseOfHostAndName()
    {
        var key = KeyVaultKeyUri.Parse($"https://hledger-kv.vault.azure.net/keys/ledger-signing/{Version}").Value;

        Assert.True(key.Names($"https://HLEDGER-KV.vault.azure.net/keys/Ledger-Signing/{Version}"));
        Assert.False(key.Names($"https://hledger-kv.vault.azure.net/keys/ledger-signing/{new string('1', 32)}"));
        Assert.False(key.Names("https://hledger-kv.vault.azure.net/keys/ledger-signing"));
        Assert.False(key.Names(null));
    }
}
