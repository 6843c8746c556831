using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Jobs;

/// <summary>
/// A salted SHA-256 commitment to free text that must stay off the ledger (completion notes, dispute reasons),
/// because it may carry personal data (SPEC §3). The text and its salt are kept outside the ledger; the ledger holds
/// only <c>SHA-256(salt ‖ UTF-8(text))</c>. Anyone holding text and salt can show they match what was recorded, and
/// erasing them leaves every block verifying. The random salt stops anyone confirming a guess ("was it flat 12?")
/// against the ledger alone. Thread-safe.
/// </summary>
public static class FreeTextCommitment
{
    public const int SaltLength = 16;

    /// <summary>Commits to <paramref name="text"/> under 16 fresh random bytes of salt.</summary>
    /// <returns>The commitment as lower-case hex, and the salt to keep beside the text.</returns>
    public static (string Commitment, byte[] Salt) Create(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return (Convert.ToHexStringLower(Hash(text, salt)), salt);
    }

    /// <summary>Whether <paramref name="text"/> under <paramref name="salt"/> is what <paramref name="commitment"/> (hex) commits to.</summary>
    public static bool Matches(string text, ReadOnlySpan<byte> salt, string commitment)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (commitment is not { Length: SHA256.HashSizeInBytes * 2 } || !commitment.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(text, salt), Convert.FromHexString(commitment));
    }

    private static byte[] Hash(string text, ReadOnlySpan<byte> salt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(salt);
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        return hash.GetHashAndReset();
    }
}
