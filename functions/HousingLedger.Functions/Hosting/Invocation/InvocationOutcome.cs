namespace HousingLedger.Functions.Hosting.Invocation;

/// <summary>How one run of a function ended: it returned, or it threw <see cref="Failure"/>.</summary>
internal sealed record InvocationOutcome(Exception? Failure)
{
    public static InvocationOutcome Success { get; } = new((Exception?)null);

    public bool Succeeded => Failure is null;
}
