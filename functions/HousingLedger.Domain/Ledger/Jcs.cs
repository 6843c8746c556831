using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: the one byte form of a JSON value that the ledger hashes. Members
/// are sorted by the UTF-16 code units of their names, strings carry only the escapes JSON requires, numbers
/// are written as ECMAScript writes them, and there is no whitespace. Thread-safe.
/// </summary>
/// <remarks>
/// Numbers in parsed JSON are read as the nearest IEEE 754 double, as RFC 8785 §3.2.2.3 requires
/// (<c>333333333.33333329</c> becomes <c>333333333.3333333</c>). Numbers built in code
/// (<see cref="JsonValue.Create(long)"/>, <see cref="JsonValue.Create(decimal)"/>, …) must survive that
/// conversion unchanged, so a sum of money is never silently rounded on its way into a hash. Only strings,
/// numbers, booleans and null may sit in a <see cref="JsonValue"/>: a <see cref="DateTime"/> or other CLR
/// value is refused, because its written form is not ours to fix (write instants with
/// <see cref="Values.UtcTimestamp.Format"/>).
/// </remarks>
public static class Jcs
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical UTF-8 bytes of <paramref name="node"/> (<c>null</c> is the JSON literal null).</summary>
    /// <exception cref="ArgumentException">
    /// The node holds a value JCS cannot represent: NaN or infinity, a string with a lone surrogate, a number
    /// built in code that a double cannot hold exactly, or a CLR value that is not a string, number or boolean.
    /// </exception>
    public static byte[] Canonicalize(JsonNode? node) => StrictUtf8.GetBytes(CanonicalizeToString(node));

    /// <summary>The canonical form of <paramref name="node"/> as a string; see <see cref="Canonicalize"/>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Canonicalize"/>.</exception>
    public static string CanonicalizeToString(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject members:
                WriteObject(members, text);
                break;
            case JsonArray items:
                WriteArray(items, text);
                break;
            case JsonValue value:
                WriteValue(value, text);
                break;
            default:
                throw new ArgumentException($"Unknown JSON node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteObject(JsonObject members, StringBuilder text)
    {
        text.Append('{');
        var first = true;
        foreach (var member in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            WriteString(member.Key, text);
            text.Append(':');
            Write(member.Value, text);
        }

        text.Append('}');
    }

    private static void WriteArray(JsonArray items, StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Write(items[i], text);
        }

        text.Append(']');
    }

    private static void WriteValue(JsonValue value, StringBuilder text)
    {
        var parsed = value.TryGetValue<JsonElement>(out var element);
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(ReadString(value), text);
                break;
            case JsonValueKind.Number:
                text.Append(EcmaScriptNumber.Format(parsed ? ReadParsedNumber(element) : ReadBuiltNumber(value)));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new ArgumentException($"A JSON value of kind {value.GetValueKind()} built from a CLR object cannot be canonicalized; build it as a JsonObject or JsonArray.", nameof(value));
        }
    }

    private static string ReadString(JsonValue value)
    {
        string? content;
        try
        {
            if (!value.TryGetValue(out content))
            {
                throw new ArgumentException($"A {value.GetValue<object>().GetType().Name} is not a JSON string; write it as text first (instants with UtcTimestamp.Format).", nameof(value));
            }
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException("A parsed JSON string is not valid UTF-16: " + invalid.Message, nameof(value), invalid);
        }

        return content;
    }

    private static double ReadParsedNumber(JsonElement element) =>
        double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double ReadBuiltNumber(JsonValue value)
    {
        if (value.TryGetValue<double>(out var binary64))
        {
            return binary64; // NaN and infinities are refused by EcmaScriptNumber.Format.
        }

        if (value.TryGetValue<float>(out var binary32))
        {
            return binary32;
        }

        var written = value.ToJsonString();
        var number = double.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (decimal.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var intended)
            && decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var held)
            && intended != held)
        {
            throw new ArgumentException($"The number {written} cannot be held exactly by an IEEE 754 double (it would become {EcmaScriptNumber.Format(number)}); JCS would change it.", nameof(value));
        }

        return number;
    }

    /// <summary>Appends <paramref name="content"/> as a canonical JSON string.</summary>
    /// <exception cref="ArgumentException">The string has a lone surrogate.</exception>
    internal static void WriteString(string content, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ':
                    text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsSurrogate(c) && !IsPairAt(content, i))
                    {
                        throw new ArgumentException($"The string has a lone surrogate U+{(int)c:X4} at position {i}; I-JSON (RFC 7493) forbids it.", nameof(content));
                    }

                    text.Append(c);
                    if (char.IsHighSurrogate(c))
                    {
                        text.Append(content[++i]);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsPairAt(string content, int i) =>
        char.IsHighSurrogate(content[i]) && i + 1 < content.Length && char.IsLowSurrogate(content[i + 1]);
}
