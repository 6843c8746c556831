using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HousingLedger.Values;

/// <summary>
/// The rule every id in the service follows (associations, suppliers, contracts, jobs, events, batches):
/// 1–64 characters of <c>A–Z a–z 0–9 _ -</c>, starting with a letter or digit. Such an id is URL-safe and cannot
/// escape a Table Storage key or an OData filter (no quotes, slashes, spaces or operators).
/// </summary>
public static partial class Identifier
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 characters of A–Z, a–z, 0–9, '_' and '-', starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? candidate) => candidate is not null && Shape().IsMatch(candidate);

    /// <summary>Whether <paramref name="utf8"/> is an id, read from its UTF-8 bytes as a ledger line holds it.</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8) =>
        utf8.Length is > 0 and <= MaxLength
        && char.IsAsciiLetterOrDigit((char)utf8[0])
        && !utf8.ContainsAnyExcept(IdBytes);

    /// <summary>A new random id with a readable prefix, e.g. <c>job_3f9k…</c> (20 random base32 characters).</summary>
    public static string New(string prefix)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] & 31];
        }

        return prefix + "_" + new string(chars);
    }

    private static readonly SearchValues<byte> IdBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"u8);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
