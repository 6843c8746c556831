namespace HousingLedger.Cli.Inputs;

/// <summary>
/// A file read as what it should be, or why not and what that means for the exit code: a file under audit
/// that is corrupt does not verify (<see cref="ExitCode.Fails"/>); a path that cannot be read, or a key set that
/// cannot be used, leaves nothing checked (<see cref="ExitCode.Usage"/>). Immutable.
/// </summary>
internal sealed record Loaded<T>
    where T : class
{
    private Loaded(T? value, ExitCode code, string? problem) => (Value, Code, Problem) = (value, code, problem);

    public T? Value { get; }

    public ExitCode Code { get; }

    /// <summary>What was expected and what was found; null when loaded.</summary>
    public string? Problem { get; }

    public static Loaded<T> Ok(T value) => new(value, ExitCode.Holds, null);

    public static Loaded<T> Corrupt(string problem) => new(null, ExitCode.Fails, problem);

    public static Loaded<T> Unusable(string problem) => new(null, ExitCode.Usage, problem);

    /// <summary>The same problem, for a caller that loads something else from this file.</summary>
    public Loaded<TOther> As<TOther>()
        where TOther : class => new(null, Code, Problem);
}
