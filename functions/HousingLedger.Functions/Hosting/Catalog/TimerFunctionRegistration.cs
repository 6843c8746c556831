using NCrontab;

namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>
/// A timer function. Its schedule is the setting <see cref="ScheduleSettingName"/> (a configuration key such as
/// <c>Settlement:Schedule</c>, set in Azure as <c>Settlement__Schedule</c>), or <see cref="DefaultSchedule"/>
/// when that is not set.
/// </summary>
internal sealed record TimerFunctionRegistration(string FunctionName, string ScheduleSettingName, string DefaultSchedule, Type FunctionType)
    : TriggerFunctionRegistration(FunctionName, FunctionType)
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    /// <summary>
    /// The schedule as the Functions host reads it from function.json: an app-setting reference, resolved by the
    /// host through its configuration, where <c>Settlement__Schedule</c> becomes <c>Settlement:Schedule</c>.
    /// (The host cannot resolve names written with <c>__</c> in a binding expression.)
    /// </summary>
    public string ScheduleExpression => $"%{ScheduleSettingName}%";

    public static CrontabSchedule? TryParseSchedule(string? expression) =>
        string.IsNullOrWhiteSpace(expression) ? null : CrontabSchedule.TryParse(expression.Trim(), SixFields);

    /// <summary>The schedule the standalone host runs: the setting's value, or the default.</summary>
    /// <exception cref="InvalidOperationException">The setting is not a six-field NCRONTAB expression.</exception>
    public CrontabSchedule ResolveSchedule(IConfiguration configuration)
    {
        var expression = configuration[ScheduleSettingName];
        if (string.IsNullOrWhiteSpace(expression))
        {
            expression = DefaultSchedule;
        }

        return TryParseSchedule(expression) ?? throw new InvalidOperationException(
            $"{ScheduleSettingName} is '{expression}', which is not a six-field NCRONTAB schedule " +
            "({second} {minute} {hour} {day} {month} {day-of-week}, e.g. '0 0 2 * * *').");
    }
}
