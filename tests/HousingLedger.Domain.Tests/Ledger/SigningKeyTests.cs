using System.Security.Cryptography;

namespace HousingLedger.Ledger;

public sealed class SigningKeyTests
{
    [Fact]
    public async Task KeyId_IsTheRfc7638ThumbprintOfThePublicKey()
    {
        using var key = EcdsaSigningKey.Create();
        var publicKey = await key.GetPublicKeyAsync();

        Assert.Equal(publicKey.ComputeThumbprint(), key.KeyId);
        Assert.Equal(key.KeyId, publicKey.KeyId);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", key.KeyId);
    }

    [Fact]
    public async Task Pkcs8Pem_RoundTrip_KeepsTheKey()
    {
        using var key = EcdsaSigningKey.Create();

        var pem = key.ExportPkcs8Pem();
        using var reloaded = EcdsaSigningKey.FromPkcs8Pem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(key.KeyId, reloaded.KeyId);
        var digest = SHA256.HashData("block"u8);
        var signature = await reloaded.SignDigestAsync(digest);
        var publicKey = await key.GetPublicKeyAsync();
        Assert.True(publicKey.VerifyDigest(digest, signature), "the reloaded key signs for another key");
    }

    [Fact]
    public async Task SignDigestAsync_GivesRawSixtyFourByteSignaturesThatVerify()
    {
        using var key = ChainSamples.SigningKey();
        var digest = SHA256.HashData("header"u8);

        var signature = await key.SignDigestAsync(digest);

        var publicKey = await key.GetPublicKeyAsync();
        Assert.Equal(64, signature.Length);
        Assert.True(publicKey.VerifyDigest(digest, signature), "the signature does not verify");
        Assert.False(publicKey.VerifyDigest(SHA256.HashData("other"u8), signature), "the signature verifies another digest");
    }

    [Fact]
    public async Task SignDigestAsync_NotADigest_IsAProgrammingError()
    {
        using var key = EcdsaSigningKey.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => key.SignDigestAsync(new byte[31]));
    }

    [Fact]
    public void FromPkcs8Pem_KeyOnAnotherCurve_IsRefused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var thrown = Assert.Throws<ArgumentException>(() => EcdsaSigningKey.FromPkcs8Pem(p384.ExportPkcs8PrivateKeyPem()));
        Assert.Contains("P-256", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPkcs8Pem_NotAPrivateKey_IsRefused()
    {
        using var key = EcdsaSigningKey.Create();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<ArgumentException>(() => EcdsaSigningKey.FromPkcs8Pem(ecdsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<ArgumentException>(() => EcdsaSigningKey.FromPkcs8Pem("no key here"));
    }

    [Fact]
    public void FixedTestKey_HasTheKidTheGoldenChainsName()
    {
        using var key = ChainSamples.SigningKey();

        Assert.Equal("AmoiqDoD6m1uN5epZn_EekNPQ1wNLxEmkqONZsgph4c", key.KeyId);
    }
}
