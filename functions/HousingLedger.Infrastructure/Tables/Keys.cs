using System.Globalization;

namespace HousingLedger.Infrastructure.Tables;

/// <summary>
/// Row keys. Every id that reaches a key has passed <see cref="HousingLedger.Values.Identifier"/>, so no key
/// or filter built here can be escaped. Numbers are zero-padded so that key order is numeric order.
/// </summary>
internal static class Keys
{
    public static string Padded(long number) => number.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The upper bound of a prefix range: every key that starts with <paramref name="prefix"/> sorts below it.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string PrefixFilter(string partitionKey, string prefix) =>
        $"PartitionKey eq '{partitionKey}' and RowKey ge '{prefix}' and RowKey lt '{PrefixEnd(prefix)}'";
}
