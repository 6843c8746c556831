using System.Buffers;

namespace HousingLedger.Ledger;

/// <summary>Hashes as the ledger writes them: lowercase hexadecimal, two digits a byte.</summary>
internal static class LowercaseHex
{
    private static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789abcdef"u8);

    /// <summary>Whether <paramref name="text"/> is a SHA-256 hash in ledger form (64 lowercase hex digits).</summary>
    public static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Whether <paramref name="utf8"/> is a SHA-256 hash in ledger form, read from its UTF-8 bytes.</summary>
    public static bool IsSha256(ReadOnlySpan<byte> utf8) => utf8.Length == 64 && !utf8.ContainsAnyExcept(Digits);

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
