using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HousingLedger.Fees;

/// <summary>
/// A calendar month in UTC, the period of one fee statement, written <c>YYYY-MM</c> (<c>2026-03</c>) and only so:
/// <c>2026-3</c>, <c>26-03</c> and <c>2026-13</c> are not months. Immutable; ordered by time.
/// </summary>
public readonly partial record struct StatementMonth : IComparable<StatementMonth>
{
    public const string Rule = "a month written YYYY-MM, e.g. 2026-03";

    private StatementMonth(int year, int month) => Start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The month's first instant.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the month: the next month's <see cref="Start"/>.</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    /// <summary>The month <paramref name="instant"/> falls in, in UTC.</summary>
    public static StatementMonth Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new StatementMonth(utc.Year, utc.Month);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out StatementMonth month)
    {
        month = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        month = new StatementMonth(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[5..], CultureInfo.InvariantCulture));
        return true;
    }

    public StatementMonth Next() => Of(End);

    public StatementMonth Previous() => Of(Start.AddDays(-1));

    public int CompareTo(StatementMonth other) => Start.CompareTo(other.Start);

    public static bool operator <(StatementMonth left, StatementMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(StatementMonth left, StatementMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(StatementMonth left, StatementMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StatementMonth left, StatementMonth right) => left.CompareTo(right) >= 0;

    public static StatementMonth Max(StatementMonth left, StatementMonth right) => left >= right ? left : right;

    public override string ToString() => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Year 0001 has no month before it that DateTimeOffset can hold; statements begin long after.
    [GeneratedRegex("^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
