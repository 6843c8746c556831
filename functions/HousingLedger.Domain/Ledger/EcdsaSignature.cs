using System.Formats.Asn1;

namespace HousingLedger.Ledger;

/// <summary>
/// The two written forms of a P-256 ECDSA signature: raw <c>r‖s</c> (two 32-byte big-endian integers, as JWS
/// ES256 and the block signatures use) and ASN.1 DER <c>SEQUENCE { INTEGER r, INTEGER s }</c> (as C2SP
/// signed-note signature type 0x02 uses).
/// </summary>
internal static class EcdsaSignature
{
    public const int RawLength = 64;

    /// <summary>The raw signature in <paramref name="text"/>, or null unless it is 64 bytes of unpadded base64url.</summary>
    public static byte[]? FromBase64Url(string text) =>
        StrictBase64Url.Decode(text) is { Length: RawLength } raw ? raw : null;

    /// <summary>The DER form of a raw <c>r‖s</c> signature.</summary>
    /// <exception cref="ArgumentException">The signature is not 64 bytes.</exception>
    public static byte[] RawToDer(ReadOnlySpan<byte> raw)
    {
        if (raw.Length != RawLength)
        {
            throw new ArgumentException($"A raw P-256 signature is {RawLength} bytes (r‖s); got {raw.Length}.", nameof(raw));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(raw[..32]));
            writer.WriteIntegerUnsigned(Minimal(raw[32..]));
        }

        return writer.Encode();
    }

    /// <summary>The big-endian integer without leading zero bytes (DER integers are minimal).</summary>
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> integer)
    {
        var zeros = integer.IndexOfAnyExcept((byte)0);
        return zeros < 0 ? integer[^1..] : integer[zeros..];
    }
}
