using System.Security.Cryptography;
using System.Text;
using Azure;
using HousingLedger.Infrastructure.Signing.KeyVault;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

/// <summary>
/// The Key Vault signer against <see cref="KeyVaultStandIn"/>: a contract test of Key Vault's documented REST
/// behaviour (challenge, key bundle, sign, errors, throttling), not a test against Azure. Split by concern:
/// signing here, authentication, failures and rotation in the other parts.
/// </summary>
public sealed partial class KeyVaultSigningKeyTests : KeyVaultStandInTest
{
    [Fact]
    public async Task SignDigestAsync_ReturnsRawRsThatVerifiesUnderTheVaultsKey()
    {
        var key = StandIn.CreateKeyVersion();
        var signer = Signer(key);
        var digest = Digest("block 0");

        var signature = await signer.SignDigestAsync(digest);

        Assert.Equal(64, signature.Length);
        using var vaultsKey = ECDsa.Create(StandIn.PublicParametersOf(key));
        Assert.True(vaultsKey.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "the signature does not verify under the key the vault holds");
        var published = await signer.GetPublicKeyAsync();
        Assert.True(published.VerifyDigest(digest, signature), "the signature does not verify under the public key the signer reports");
    }

    [Fact]
    public async Task GetPublicKeyAsync_IsTheVaultsPointNamedByTheVersionedKeyUri()
    {
        var key = StandIn.CreateKeyVersion();
        var signer = Signer(key);

        var published = await signer.GetPublicKeyAsync();

        var point = StandIn.PublicParametersOf(key).Q;
        Assert.Equal(key.ToString(), signer.KeyId);
        Assert.Equal(key.ToString(), published.KeyId);
        Assert.Equal(point.X, published.X);
        Assert.Equal(point.Y, published.Y);
    }

    [Fact]
    public async Task GetPublicKeyAsync_AcceptsAnHsmKey()
    {
        var published = await Signer(StandIn.CreateKeyVersion(keyType: "EC-HSM")).GetPublicKeyAsync();

        Assert.Equal(32, published.X.Length);
    }

    [Fact]
    public async Task The_public_key_is_read_once_however_often_the_key_signs()
    {
        var signer = Signer(StandIn.CreateKeyVersion());

        await signer.SignDigestAsync(Digest("block 0"));
        await signer.SignDigestAsync(Digest("block 1"));
        await signer.GetPublicKeyAsync();

        var keyReads = StandIn.Requests.Count(r => r.Method == "GET" && r.Authorization.Length > 0);
        Assert.True(keyReads == 1, $"expected one authenticated key read, saw {keyReads}");
        Assert.Equal(2, StandIn.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_signature_that_does_not_verify_under_the_key_is_refused()
    {
        var signer = Signer(StandIn.CreateKeyVersion());
        StandIn.SignNextWithAnotherKey();

        var refused = await Assert.ThrowsAsync<KeyVaultSigningException>(() => signer.SignDigestAsync(Digest("block 0")));

        Assert.Contains("does not verify", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_on_another_curve_is_refused_naming_its_curve()
    {
        var signer = Signer(StandIn.CreateKeyVersion(curve: "P-384"));

        var refused = await Assert.ThrowsAsync<KeyVaultSigningException>(() => signer.SignDigestAsync(Digest("block 0")));

        Assert.Contains("crv P-384", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StandIn.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task SignDigestAsync_RefusesADigestThatIsNot32Bytes()
    {
        var signer = Signer(StandIn.CreateKeyVersion());

        await Assert.ThrowsAsync<ArgumentException>(() => signer.SignDigestAsync(new byte[20]));
        Assert.Empty(StandIn.Requests);
    }

    private KeyVaultSigningKey Signer(KeyVaultKeyUri key, RecordingCredential? signInAs = null) => new(key, signInAs ?? Credential, new KeyVaultSigningKeyOptions
    {
        Transport = StandIn.CreateTransport(),
        Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
    });

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
