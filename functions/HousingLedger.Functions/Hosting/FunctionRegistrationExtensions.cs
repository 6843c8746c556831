using HousingLedger.Functions.Hosting.Catalog;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingLedger.Functions.Hosting;

/// <summary>
/// Declares queue and timer functions. A declaration is the single source of both the function.json the
/// Functions host reads and the trigger the standalone host runs.
/// </summary>
public static class FunctionRegistrationExtensions
{
    /// <summary>Declares <typeparamref name="TFunction"/> as function <paramref name="functionName"/>, triggered by <paramref name="queueName"/>.</summary>
    /// <exception cref="ArgumentException">The Functions host or storage would refuse a name.</exception>
    public static IServiceCollection AddQueueFunction<TFunction>(this IServiceCollection services, string functionName, string queueName)
        where TFunction : class, IQueueFunction
    {
        ArgumentNullException.ThrowIfNull(services);
        FunctionNaming.EnsureValidFunctionName(functionName);
        FunctionNaming.EnsureValidQueueName(queueName);
        services.TryAddScoped<TFunction>();
        services.AddSingleton(new QueueFunctionRegistration(functionName, queueName, typeof(TFunction)));
        return services;
    }

    /// <summary>
    /// Declares <typeparamref name="TFunction"/> as function <paramref name="functionName"/>, run on the six-field
    /// NCRONTAB schedule in setting <paramref name="scheduleSettingName"/> (e.g. <c>Settlement:Schedule</c>), or
    /// on <paramref name="defaultSchedule"/> when the standalone host finds that setting empty. In Azure the
    /// setting (<c>Settlement__Schedule</c>) must be set: function.json refers to it.
    /// </summary>
    /// <exception cref="ArgumentException">The name is refused, the setting name is empty, or the default schedule does not parse.</exception>
    public static IServiceCollection AddTimerFunction<TFunction>(this IServiceCollection services, string functionName, string scheduleSettingName, string defaultSchedule)
        where TFunction : class, ITimerFunction
    {
        ArgumentNullException.ThrowIfNull(services);
        FunctionNaming.EnsureValidFunctionName(functionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleSettingName);
        if (scheduleSettingName.Contains('%', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{scheduleSettingName}' is a setting name; leave out the '%' signs.", nameof(scheduleSettingName));
        }

        if (TimerFunctionRegistration.TryParseSchedule(defaultSchedule) is null)
        {
            throw new ArgumentException($"'{defaultSchedule}' is not a six-field NCRONTAB schedule.", nameof(defaultSchedule));
        }

        services.TryAddScoped<TFunction>();
        services.AddSingleton(new TimerFunctionRegistration(functionName, scheduleSettingName, defaultSchedule, typeof(TFunction)));
        return services;
    }
}
