using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Every <c>[Function]</c> method of the app, found by reflection from the same attributes the worker SDK reads to
/// write <c>functions.metadata</c>, so the standalone host runs exactly what the Functions host would.
/// </summary>
internal sealed record FunctionCatalog(IReadOnlyList<HttpFunction> Http, IReadOnlyList<QueueFunction> Queues, IReadOnlyList<TimerFunction> Timers)
{
    public IEnumerable<FunctionMethod> All => Http.Concat<FunctionMethod>(Queues).Concat(Timers);

    /// <exception cref="InvalidOperationException">
    /// A function has no trigger the standalone host runs, takes a parameter it cannot supply, or shares its name.
    /// </exception>
    public static FunctionCatalog Of(Assembly assembly)
    {
        var functions = assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => FunctionMethod.Describe(f.Attribute!.Name, f.Method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        var shared = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (shared.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique, ignoring case (the host ignores it); declared more than once: {string.Join(", ", shared)}.");
        }

        return new FunctionCatalog([.. functions.OfType<HttpFunction>()], [.. functions.OfType<QueueFunction>()], [.. functions.OfType<TimerFunction>()]);
    }
}
