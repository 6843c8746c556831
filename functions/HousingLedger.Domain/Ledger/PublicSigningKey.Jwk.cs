using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>The key's JSON Web Key form (RFC 7517/7518) and its RFC 7638 thumbprint.</summary>
public sealed partial record PublicSigningKey
{
    private const string KeyType = "EC";
    private const string Curve = "P-256";
    private const int CoordinateLength = 32;

    /// <summary>
    /// The RFC 7638 JWK thumbprint of a P-256 point: base64url (unpadded) of SHA-256 over the UTF-8 bytes of
    /// <c>{"crv":"P-256","kty":"EC","x":"…","y":"…"}</c> (required members only, sorted, no whitespace).
    /// Locally created keys use it as their key id.
    /// </summary>
    public static string ComputeThumbprint(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var required = new JsonObject
        {
            ["crv"] = Curve,
            ["kty"] = KeyType,
            ["x"] = StrictBase64Url.Encode(x),
            ["y"] = StrictBase64Url.Encode(y),
        };
        return StrictBase64Url.Encode(SHA256.HashData(Jcs.Canonicalize(required)));
    }

    /// <summary>This key's RFC 7638 thumbprint (whatever its <see cref="KeyId"/> is).</summary>
    public string ComputeThumbprint() => ComputeThumbprint(X, Y);

    /// <summary>The key as published in the JWKS: <c>{"kty": "EC", "crv": "P-256", "x", "y", "kid"}</c>.</summary>
    public JsonObject ToJwk() => new()
    {
        ["kty"] = KeyType,
        ["crv"] = Curve,
        ["x"] = StrictBase64Url.Encode(X),
        ["y"] = StrictBase64Url.Encode(Y),
        ["kid"] = KeyId,
    };

    /// <summary>
    /// Reads a published P-256 key. <c>kty</c> must be <c>EC</c>, <c>crv</c> <c>P-256</c>, <c>x</c> and <c>y</c>
    /// 32 bytes of unpadded base64url naming a point on the curve, and <c>kid</c> present; other members
    /// (<c>use</c>, <c>alg</c>) are ignored, as RFC 7517 §4 asks.
    /// </summary>
    public static Validated<PublicSigningKey> FromJwk(JsonObject jwk) => ReadJwk(jwk, string.Empty);

    internal static Validated<PublicSigningKey> ReadJwk(JsonNode? node, string path) =>
        LedgerDocument.Read(node, path, memberNames: null, ReadKey);

    private static PublicSigningKey? ReadKey(JsonObjectReader reader)
    {
        RequireText(reader, "kty", KeyType);
        RequireText(reader, "crv", Curve);
        var x = ReadCoordinate(reader, "x");
        var y = ReadCoordinate(reader, "y");
        var kid = reader.String("kid");
        if (!reader.IsValid)
        {
            return null;
        }

        var key = new PublicSigningKey(kid!, x!, y!);
        if (!IsOnCurve(key))
        {
            reader.Add("x", "x and y are not a point on P-256");
            return null;
        }

        return key;
    }

    private static void RequireText(JsonObjectReader reader, string name, string expected)
    {
        var found = reader.String(name);
        if (found is not null && found != expected)
        {
            reader.Add(name, $"must be \"{expected}\", found \"{found}\"");
        }
    }

    private static byte[]? ReadCoordinate(JsonObjectReader reader, string name)
    {
        var text = reader.String(name);
        if (text is null)
        {
            return null;
        }

        var bytes = StrictBase64Url.Decode(text);
        if (bytes is not { Length: CoordinateLength })
        {
            reader.Add(name, $"must be {CoordinateLength} bytes in base64url without padding, found {(bytes is null ? "text that is not unpadded base64url" : $"{bytes.Length} bytes")}");
            return null;
        }

        return bytes;
    }

    private static bool IsOnCurve(PublicSigningKey key)
    {
        try
        {
            using var ecdsa = ECDsa.Create(key.ToParameters());
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
