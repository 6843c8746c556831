namespace HousingLedger.Payments.Csv;

/// <summary>
/// RFC 4180 text/csv: fields separated by commas, records ended by CR LF, and a field enclosed in double quotes
/// (with its own quotes doubled) exactly when it holds a comma, a quote, CR or LF.
/// </summary>
public static class Rfc4180
{
    public const string RecordSeparator = "\r\n";

    /// <summary>One field as written, quoted only when it must be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One record with its CR LF terminator.</summary>
    public static string Record(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + RecordSeparator;
}
