using System.Reflection;
using Azure.Storage.Queues.Models;
using HousingLedger.Infrastructure.Storage;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using NCrontab;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// One <c>[Function]</c> method, read from its attributes as the worker SDK reads them, and run the way the isolated
/// worker runs it: on a new instance of its class whose constructor takes services, with the trigger's value, route
/// values by parameter name, and a <see cref="CancellationToken"/>. A method taking anything else is refused when
/// the catalog is built, so a function that would bind differently under the two hosts never starts.
/// </summary>
internal abstract record FunctionMethod(string Name, MethodInfo Method)
{
    /// <exception cref="InvalidOperationException">The method has no single trigger this host runs, or a parameter or return type it cannot serve.</exception>
    public static FunctionMethod Describe(string name, MethodInfo method)
    {
        var triggers = method.GetParameters()
            .Select(parameter => (Parameter: parameter, Attribute: parameter.GetCustomAttribute<TriggerBindingAttribute>()))
            .Where(p => p.Attribute is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw Refused(name, method, $"has {triggers.Count} trigger parameters; it needs exactly one");
        }

        var (trigger, attribute) = triggers[0];
        FunctionMethod function = attribute switch
        {
            HttpTriggerAttribute http => new HttpFunction(name, method, http.Route ?? name, [.. (http.Methods ?? []).Select(m => m.ToLowerInvariant())], http.AuthLevel),
            QueueTriggerAttribute { Connection: null or StorageClients.ConnectionSettingName } queue =>
                new QueueFunction(name, method, queue.QueueName, StorageClients.ConnectionSettingName),
            QueueTriggerAttribute queue => throw Refused(name, method, $"listens on connection '{queue.Connection}'; this host has only {StorageClients.ConnectionSettingName}"),
            TimerTriggerAttribute timer => new TimerFunction(name, method, timer.Schedule),
            _ => throw Refused(name, method, $"has a {attribute!.GetType().Name}, which the standalone host does not run"),
        };

        foreach (var parameter in method.GetParameters().Where(p => p != trigger && p.ParameterType != typeof(CancellationToken)))
        {
            if (!function.CanBind(parameter))
            {
                throw Refused(name, method, $"takes '{parameter.ParameterType.Name} {parameter.Name}', which the host cannot supply");
            }
        }

        if (!function.TakesTrigger(trigger.ParameterType) || !function.Returns(UnwrapTask(method.ReturnType)))
        {
            throw Refused(name, method, $"takes a {trigger.ParameterType.Name} trigger and returns {method.ReturnType.Name}; see {function.GetType().Name} for what it may take and return");
        }

        return function;
    }

    /// <summary>Whether a parameter other than the trigger and the cancellation token can be bound.</summary>
    protected virtual bool CanBind(ParameterInfo parameter) => false;

    protected abstract bool TakesTrigger(Type type);

    protected abstract bool Returns(Type type);

    /// <summary>
    /// Runs the method on a new instance of its class, built from <paramref name="services"/>, passing
    /// <paramref name="trigger"/>, <paramref name="cancellationToken"/>, and <paramref name="bind"/>'s value for any
    /// other parameter; returns what the method returned, awaited.
    /// </summary>
    public async Task<object?> InvokeAsync(
        IServiceProvider services, object trigger, CancellationToken cancellationToken, Func<ParameterInfo, object?>? bind = null)
    {
        var target = Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, Method.DeclaringType!);
        try
        {
            var arguments = Method.GetParameters()
                .Select(p => p.ParameterType == typeof(CancellationToken) ? cancellationToken
                    : p.IsDefined(typeof(TriggerBindingAttribute)) ? trigger
                    : bind?.Invoke(p))
                .ToArray();
            var returned = Method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            return Method.ReturnType.IsGenericType ? Method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        finally
        {
            if (target is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (target is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    private static Type UnwrapTask(Type type) =>
        type == typeof(Task) ? typeof(void) : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;

    private static InvalidOperationException Refused(string name, MethodInfo method, string reason) =>
        new($"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) {reason}.");
}

/// <summary>
/// An HTTP function: takes the <see cref="HttpRequest"/>, strings named after its route's parameters and a
/// cancellation token, and returns an <see cref="IResult"/> (or a task of one).
/// </summary>
/// <param name="Route">The route below the host's <c>api/</c> prefix, as declared.</param>
/// <param name="Methods">Lowercase HTTP methods; empty means every method.</param>
internal sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel)
    : FunctionMethod(Name, Method)
{
    private readonly HashSet<string> routeParameters = [.. RoutePatternFactory.Parse(Route).Parameters.Select(p => p.Name)];

    protected override bool CanBind(ParameterInfo parameter) => parameter.ParameterType == typeof(string) && routeParameters.Contains(parameter.Name!);

    protected override bool TakesTrigger(Type type) => type == typeof(HttpRequest);

    protected override bool Returns(Type type) => typeof(IResult).IsAssignableFrom(type);
}

/// <summary>A queue function: takes the storage <see cref="QueueMessage"/> and a cancellation token, and returns a task or nothing.</summary>
internal sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, string Connection) : FunctionMethod(Name, Method)
{
    protected override bool TakesTrigger(Type type) => type == typeof(QueueMessage);

    protected override bool Returns(Type type) => type == typeof(void);
}

/// <summary>A timer function: takes a <see cref="TimerInfo"/> and a cancellation token, and returns a task or nothing.</summary>
/// <param name="Schedule">Six-field NCRONTAB, or a <c>%Setting%</c> naming the setting that holds it.</param>
internal sealed record TimerFunction(string Name, MethodInfo Method, string Schedule) : FunctionMethod(Name, Method)
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    /// <summary>The schedule to run: the declared one, or the value of the setting a <c>%Setting%</c> schedule names.</summary>
    /// <exception cref="InvalidOperationException">The setting is missing, or the schedule is not six-field NCRONTAB.</exception>
    public CrontabSchedule ResolveSchedule(IConfiguration configuration)
    {
        var setting = Schedule.Length > 2 && Schedule.StartsWith('%') && Schedule.EndsWith('%') ? Schedule[1..^1] : null;
        var expression = setting is null ? Schedule : configuration[setting];
        var where = setting is null ? $"Function '{Name}' declares the schedule '{Schedule}'" : $"{setting} (the schedule of '{Name}') is '{expression}'";
        return string.IsNullOrWhiteSpace(expression)
            ? throw new InvalidOperationException($"{setting} is not set; it holds the schedule of function '{Name}' (local.settings.sample.json has a working value).")
            : CrontabSchedule.TryParse(expression.Trim(), SixFields) ?? throw new InvalidOperationException(
                $"{where}, which is not a six-field NCRONTAB schedule ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}, e.g. '0 0 2 * * *').");
    }

    protected override bool TakesTrigger(Type type) => type == typeof(TimerInfo);

    protected override bool Returns(Type type) => type == typeof(void);
}
