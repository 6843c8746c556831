using System.Text.Json;

namespace HousingLedger.Ledger;

/// <summary>
/// Reads JSON text token by token, taking only text already in the RFC 8785 form <see cref="Jcs"/> writes: no
/// whitespace between tokens, member names in strictly increasing order (so none twice), strings escaped only as
/// JCS escapes them, and numbers only as safe whole numbers in their shortest form, the only numbers a ledger
/// document holds (<see cref="SafeIntegers"/>). Canonicalising text it takes gives the same bytes back, so a hash
/// over the text is a hash over its canonical form. Refusing says nothing about whether the text is valid JSON,
/// let alone a valid document: the caller reads refused text the ordinary way, which names any fault.
/// The text must be valid UTF-8, which the caller checks once for the whole of it. Use on one thread.
/// </summary>
internal ref struct CanonicalJsonReader
{
    private readonly ReadOnlySpan<byte> text;
    private Utf8JsonReader reader;

    public CanonicalJsonReader(ReadOnlySpan<byte> text)
    {
        this.text = text;
        reader = new Utf8JsonReader(text);
    }

    public readonly JsonTokenType TokenType => reader.TokenType;

    /// <summary>Where the current token starts in the text.</summary>
    public readonly int TokenStart => (int)reader.TokenStartIndex;

    /// <summary>Where the text read so far ends: just after the current token.</summary>
    public readonly int Consumed => (int)reader.BytesConsumed;

    /// <summary>The current string's or member name's bytes between its quotes, escapes as written.</summary>
    public readonly ReadOnlySpan<byte> Value => reader.ValueSpan;

    /// <summary>Whether every byte of the text has been read.</summary>
    public readonly bool AtEnd => reader.BytesConsumed == text.Length;

    /// <summary>Reads the next token; false when there is none, or it is not in canonical form or not where it may stand.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public bool Next()
    {
        var before = (int)reader.BytesConsumed;
        if (!reader.Read())
        {
            return false;
        }

        // Between two tokens stands nothing, or one comma; the colon after a member name is read with the name.
        var gap = TokenStart - before;
        if (gap != 0 && (gap != 1 || text[before] != (byte)','))
        {
            return false;
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => Consumed == TokenStart + Value.Length + 3 && IsCanonicalString(Value),
            JsonTokenType.String => IsCanonicalString(Value),
            JsonTokenType.Number => IsSafeWholeNumber(Value),
            _ => true,
        };
    }

    /// <summary>Reads the next token, which must be of <paramref name="type"/>.</summary>
    public bool Next(JsonTokenType type) => Next() && reader.TokenType == type;

    /// <summary>Reads the next member name, which must be <paramref name="name"/>, written without escapes.</summary>
    public bool NextMember(ReadOnlySpan<byte> name) => Next(JsonTokenType.PropertyName) && Value.SequenceEqual(name);

    /// <summary>Reads a member's value: a string of at least one character.</summary>
    public bool NextText() => Next(JsonTokenType.String) && Value.Length > 0;

    /// <summary>Reads a member's value: a whole number of at least <paramref name="minimum"/>.</summary>
    public bool NextWholeNumber(long minimum, long maximum, out long value)
    {
        value = 0;
        return Next(JsonTokenType.Number) && reader.TryGetInt64(out value) && value >= minimum && value <= maximum;
    }

    /// <summary>Reads the string of the current token, unescaped.</summary>
    public readonly string GetString() => reader.GetString()!;

    /// <summary>Reads past the value that starts with the current token, whatever it holds, checking it is all canonical.</summary>
    public bool SkipValue()
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return SkipMembers();
            case JsonTokenType.StartArray:
                while (Next())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return true;
                    }

                    if (!SkipValue())
                    {
                        return false;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    private bool SkipMembers()
    {
        var previousName = ReadOnlySpan<byte>.Empty;
        var first = true;
        while (Next())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            var name = Value;
            if (!first && !FollowsInCodeUnitOrder(previousName, name))
            {
                return false;
            }

            previousName = name;
            first = false;
            if (!Next() || !SkipValue())
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="name"/> sorts strictly after <paramref name="previous"/> as RFC 8785 sorts names, by
    /// UTF-16 code units. UTF-8 byte order is code point order, which differs from it only between U+E000–U+FFFF and
    /// the characters beyond U+FFFF; names that differ there first, or hold escapes, are refused rather than decoded.
    /// </summary>
    private static bool FollowsInCodeUnitOrder(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> name)
    {
        if (name.Contains((byte)'\\') || previous.Contains((byte)'\\'))
        {
            return false;
        }

        var differ = previous.CommonPrefixLength(name);
        if (differ == previous.Length || differ == name.Length)
        {
            return name.Length > previous.Length;
        }

        const byte FirstOfLateOrBeyond = 0xEE;
        return (previous[differ] < FirstOfLateOrBeyond || name[differ] < FirstOfLateOrBeyond) && name[differ] > previous[differ];
    }

    /// <summary>Whether a string's bytes (valid UTF-8 with escapes as written) use only the escapes JCS writes: <c>\" \\ \b \f \n \r \t</c>, and <c>\u00xx</c> in lowercase for other control characters.</summary>
    private static bool IsCanonicalString(ReadOnlySpan<byte> raw)
    {
        for (var i = raw.IndexOf((byte)'\\'); i >= 0; i = raw.IndexOf((byte)'\\'))
        {
            if (i + 1 >= raw.Length)
            {
                return false;
            }

            var escaped = raw[i + 1];
            if (escaped == 'u')
            {
                if (i + 6 > raw.Length || ControlEscaped(raw.Slice(i + 2, 4)) is not { } character || IsShortEscaped(character))
                {
                    return false;
                }

                raw = raw[(i + 6)..];
            }
            else if (escaped is (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                raw = raw[(i + 2)..];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The control character (U+0000–U+001F) that the four hex digits of a <c>\u</c> escape name in lowercase, or null.</summary>
    private static int? ControlEscaped(ReadOnlySpan<byte> hex) =>
        hex[0] == '0' && hex[1] == '0' && (hex[2] is (byte)'0' or (byte)'1') && LowerHexValue(hex[3]) is { } low
            ? ((hex[2] - '0') << 4) | low
            : null;

    private static int? LowerHexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => null,
    };

    // The control characters JCS writes as two-character escapes.
    private static bool IsShortEscaped(int character) => character is '\b' or '\f' or '\n' or '\r' or '\t';

    /// <summary>A safe whole number in its shortest form: <c>0</c>, or an optional minus and digits without a leading zero, within ±(2^53 − 1).</summary>
    private static bool IsSafeWholeNumber(ReadOnlySpan<byte> number)
    {
        var digits = number.Length > 0 && number[0] == '-' ? number[1..] : number;
        if (digits.Length is 0 or > 16 || (digits[0] == '0' && (digits.Length > 1 || digits.Length < number.Length)))
        {
            return false;
        }

        var value = 0L;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return value <= SafeIntegers.Largest;
    }
}
