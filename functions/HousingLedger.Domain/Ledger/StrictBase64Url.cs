using System.Buffers;
using System.Buffers.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// Base64url without padding (RFC 4648 §5), as ES256 signatures and JWK coordinates are written. Decoding is
/// strict: padding, other alphabets and non-zero spare bits are refused, so one value has one written form.
/// </summary>
internal static class StrictBase64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>The bytes of <paramref name="text"/>, or null when it is not their one base64url form.</summary>
    public static byte[]? Decode(string text)
    {
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || text.Length % 4 == 1)
        {
            return null;
        }

        // Decoding reports what it cannot decode (such as spare bits set after three characters) rather than throwing.
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != OperationStatus.Done)
        {
            return null;
        }

        bytes = bytes[..written];
        return Encode(bytes) == text ? bytes : null;
    }
}
