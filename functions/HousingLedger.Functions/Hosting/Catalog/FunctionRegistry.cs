namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>The declared queue and timer functions, found by name as the Functions host names them (ignoring case).</summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, TriggerFunctionRegistration> byName;

    /// <exception cref="InvalidOperationException">Two functions share a name.</exception>
    public FunctionRegistry(IEnumerable<QueueFunctionRegistration> queues, IEnumerable<TimerFunctionRegistration> timers)
    {
        Queues = [.. queues];
        Timers = [.. timers];
        var all = Queues.Concat<TriggerFunctionRegistration>(Timers).ToList();
        FunctionCatalog.EnsureUniqueNames(all.Select(f => f.FunctionName));
        byName = all.ToDictionary(f => f.FunctionName, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<QueueFunctionRegistration> Queues { get; }

    public IReadOnlyList<TimerFunctionRegistration> Timers { get; }

    public TriggerFunctionRegistration? Find(string functionName) => byName.GetValueOrDefault(functionName);
}
