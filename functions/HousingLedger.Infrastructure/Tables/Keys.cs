using System.Globalization;

namespace HousingLedger.Infrastructure.Tables;

/// <summary>
/// Row keys. Every id that reaches a key has passed <see cref="HousingLedger.Values.Identifier"/>, so no key
/// or filter built here can be escaped. Numbers are zero-padded so that key order is numeric order.
/// </summary>
public static class Keys
{
    internal static string Padded(long number) => number.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The upper bound of a prefix range: every key that starts with <paramref name="prefix"/> sorts below it.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    internal static string PrefixFilter(string partitionKey, string prefix) => RangeFilter(partitionKey, prefix, PrefixEnd(prefix));

    /// <summary>The rows of a partition whose keys lie in [<paramref name="fromKey"/>, <paramref name="toKey"/>).</summary>
    internal static string RangeFilter(string partitionKey, string fromKey, string toKey) =>
        $"PartitionKey eq '{partitionKey}' and RowKey ge '{fromKey}' and RowKey lt '{toKey}'";
}
