using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HousingLedger.Values;

/// <summary>
/// An ISO 8601 duration as contracts write them (<c>PT24H</c>, <c>P7D</c>, <c>P28D</c>, <c>P12M</c>, <c>P1Y</c>,
/// <c>P1W</c>): whole years, months, weeks, days, hours, minutes and seconds. No fractions, no signs, not all
/// zero, and weeks stand alone (<c>P1W</c>, never <c>P1W2D</c>), as ISO 8601 and RFC 3339 write them.
/// The components are kept as written (<c>P12M</c> is not <c>P1Y</c>, <c>PT24H</c> is not <c>P1D</c>), because a
/// contract's terms are recorded as agreed. Immutable and thread-safe.
/// </summary>
public sealed partial record IsoDuration
{
    public const string Rule =
        "an ISO 8601 duration of whole units such as PT24H, P7D, P1W or P12M: no fractions or signs, not zero, weeks alone, at most 100 years";

    // Bounds that keep AddTo inside DateTimeOffset's range for any start before the year 9790.
    private const int MaxTotalMonths = 1200;
    private const long MaxFixedSeconds = 36_525L * 24 * 60 * 60;

    private IsoDuration(int years, int months, int weeks, int days, int hours, int minutes, int seconds)
    {
        Years = years;
        Months = months;
        Weeks = weeks;
        Days = days;
        Hours = hours;
        Minutes = minutes;
        Seconds = seconds;
    }

    public int Years { get; }

    public int Months { get; }

    public int Weeks { get; }

    public int Days { get; }

    public int Hours { get; }

    public int Minutes { get; }

    public int Seconds { get; }

    /// <summary>Whether the duration is made of calendar months alone (<c>P12M</c>, <c>P1Y</c>, <c>P1Y6M</c>).</summary>
    public bool IsWholeMonths => Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    /// <summary>The duration in calendar months (<c>P1Y</c> is 12).</summary>
    /// <exception cref="InvalidOperationException">The duration is not <see cref="IsWholeMonths"/>.</exception>
    public int TotalMonths => IsWholeMonths
        ? (Years * 12) + Months
        : throw new InvalidOperationException($"{this} is not a whole number of months.");

    /// <summary>
    /// Parses the form in <see cref="Rule"/>: upper-case designators, each at most once and in order
    /// (<c>P1Y2M3DT4H5M6S</c>), a <c>T</c> only before a time component.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IsoDuration? duration)
    {
        duration = null;
        if (text is null || text.Length > 64)
        {
            return false;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var (years, months, weeks, days) = (Component(match, "y"), Component(match, "mo"), Component(match, "w"), Component(match, "d"));
        var (hours, minutes, seconds) = (Component(match, "h"), Component(match, "mi"), Component(match, "s"));
        var totalMonths = (years * 12L) + months;
        var fixedSeconds = (((((weeks * 7L) + days) * 24) + hours) * 60 + minutes) * 60 + seconds;
        if (totalMonths + fixedSeconds == 0 || totalMonths > MaxTotalMonths || fixedSeconds > MaxFixedSeconds)
        {
            return false;
        }

        duration = new IsoDuration((int)years, (int)months, (int)weeks, (int)days, (int)hours, (int)minutes, (int)seconds);
        return true;
    }

    /// <summary>Parses a duration the code itself spells out; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> does not follow <see cref="Rule"/>.</exception>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not {Rule}.");

    /// <summary>
    /// The instant this long after <paramref name="start"/>. Calendar months and years are added first, together,
    /// on the calendar of <paramref name="start"/> (31 January + <c>P1M</c> is the last day of February); then weeks
    /// and days as 7 and 1 whole days; then hours, minutes and seconds. The service passes UTC instants, so a day
    /// is always 24 hours and no clock change moves a deadline.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddMonths((Years * 12) + Months)
            .AddDays((Weeks * 7) + Days)
            .Add(new TimeSpan(Hours, Minutes, Seconds));

    /// <summary>The canonical form: components in order, zero components left out (<c>P1Y6M</c>, <c>PT24H</c>).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours + Minutes + Seconds > 0)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            Append(text, Seconds, 'S');
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, int value, char designator)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    // At most nine digits each (the pattern says so), so a long holds every sum made of them.
    private static long Component(Match match, string name)
    {
        var group = match.Groups[name];
        return group.Success ? long.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    // Weeks alone, or date components then an optional time part that names at least one component.
    [GeneratedRegex(
        @"\AP(?:(?<w>[0-9]{1,9})W|(?:(?<y>[0-9]{1,9})Y)?(?:(?<mo>[0-9]{1,9})M)?(?:(?<d>[0-9]{1,9})D)?(?:T(?=[0-9])(?:(?<h>[0-9]{1,9})H)?(?:(?<mi>[0-9]{1,9})M)?(?:(?<s>[0-9]{1,9})S)?)?)\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Shape();
}
