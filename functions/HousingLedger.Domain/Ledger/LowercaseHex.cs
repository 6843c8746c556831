namespace HousingLedger.Ledger;

/// <summary>Hashes as the ledger writes them: lowercase hexadecimal, two digits a byte.</summary>
internal static class LowercaseHex
{
    /// <summary>Whether <paramref name="text"/> is a SHA-256 hash in ledger form (64 lowercase hex digits).</summary>
    public static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
