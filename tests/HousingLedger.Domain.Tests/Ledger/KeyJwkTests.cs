using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

public sealed class KeyJwkTests
{
    /// <summary>The P-256 key of RFC 7517 Appendix A.1; its thumbprint computed independently of this code.</summary>
    private const string Rfc7517X = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
    private const string Rfc7517Y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";

    [Fact]
    public void ComputeThumbprint_Rfc7517ExampleKey_MatchesTheIndependentValue() =>
        Assert.Equal(
            "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s",
            PublicSigningKey.ComputeThumbprint(Base64Url.DecodeFromChars(Rfc7517X), Base64Url.DecodeFromChars(Rfc7517Y)));

    [Fact]
    public async Task ToJwk_HasTheJwksFields_AndReadsBackEqual()
    {
        using var key = ChainSamples.SigningKey();
        var publicKey = await key.GetPublicKeyAsync();

        var jwk = publicKey.ToJwk();

        Assert.Equal(["kty", "crv", "x", "y", "kid"], jwk.Select(m => m.Key));
        Assert.Equal(("EC", "P-256"), ((string?)jwk["kty"], (string?)jwk["crv"]));
        Assert.Equal(publicKey, PublicSigningKey.FromJwk(jwk).Value);
    }

    [Theory]
    [InlineData("kty", "\"RSA\"", "must be \"EC\", found \"RSA\"")]
    [InlineData("crv", "\"P-384\"", "must be \"P-256\", found \"P-384\"")]
    [InlineData("x", "\"AAAA\"", "must be 32 bytes in base64url without padding, found 3 bytes")]
    [InlineData("y", "\"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM=\"", "must be 32 bytes in base64url without padding, found text that is not unpadded base64url")]
    [InlineData("kid", "\"\"", "must be a non-empty string")]
    public void FromJwk_WrongTypeCurveOrLength_IsRefusedNamingTheMember(string member, string value, string message)
    {
        var jwk = Rfc7517Jwk();
        jwk[member] = JsonNode.Parse(value);

        var read = PublicSigningKey.FromJwk(jwk);

        Assert.Equal([(member, message)], read.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void FromJwk_PointOffTheCurve_IsRefused()
    {
        var jwk = Rfc7517Jwk();
        jwk["y"] = Rfc7517X;

        Assert.Equal("x and y are not a point on P-256", PublicSigningKey.FromJwk(jwk).Errors[0].Message);
    }

    [Fact]
    public void FromJwk_OtherMembers_AreIgnored()
    {
        var jwk = Rfc7517Jwk();
        jwk["use"] = "sig";
        jwk["alg"] = "ES256";

        Assert.True(PublicSigningKey.FromJwk(jwk).IsValid);
    }

    [Fact]
    public async Task Jwks_RoundTrip_FindsEachKeyByKid()
    {
        using var first = ChainSamples.SigningKey();
        using var second = ChainSamples.OtherKey();
        var keys = new Jwks([await first.GetPublicKeyAsync(), await second.GetPublicKeyAsync()]);

        var read = Jwks.FromJson(JsonNode.Parse(keys.ToJson().ToJsonString())!.AsObject()).Value;

        Assert.Equal(keys.Keys, read.Keys);
        Assert.Equal(await second.GetPublicKeyAsync(), read.Find(second.KeyId));
        Assert.Null(read.Find("retired-key"));
    }

    [Fact]
    public void JwksFromJson_TwoKeysWithOneKid_IsRefused()
    {
        var json = new JsonObject { ["keys"] = new JsonArray(Rfc7517Jwk(), Rfc7517Jwk()) };

        Assert.Equal(["keys[1].kid"], Jwks.FromJson(json).Errors.Select(e => e.Field));
    }

    [Fact]
    public void JwksFromJson_ABadKey_IsNamedByItsIndex()
    {
        var bad = Rfc7517Jwk();
        bad["crv"] = "P-521";

        Assert.Equal(["keys[0].crv"], Jwks.FromJson(new JsonObject { ["keys"] = new JsonArray(bad) }).Errors.Select(e => e.Field));
    }

    private static JsonObject Rfc7517Jwk() => new() { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Rfc7517X, ["y"] = Rfc7517Y, ["kid"] = "1" };
}
