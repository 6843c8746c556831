namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>What one settlement measurement seeds: a contract year's settled history, and the jobs the run pays.</summary>
/// <param name="Settled">Jobs approved and settled earlier in the contract year: read for volume and lateness, not paid.</param>
/// <param name="Payable">Jobs approved since, unsettled: the run pays each.</param>
public sealed record SettlementLoadOptions(int Settled, int Payable)
{
    public const string Usage = """
        HousingLedger load generator, settlement: seeds one contract's jobs straight into a private Azurite, runs the
        service's settlement in this process, and reports its time and memory.

          settlement --settled <n> --payable <n>
            --settled <n>   jobs approved and settled earlier in the contract year (default 100000)
            --payable <n>   jobs approved since and not yet settled, paid by the run (default 1000)
        """;

    /// <summary>Reads the options after <c>settlement</c>; the error says which was wrong and why.</summary>
    public static (SettlementLoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        int settled = 100_000, payable = 1_000;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"{args[i]} needs a value");
            }

            var error = args[i] switch
            {
                "--settled" => LoadOptions.Positive(args[i], args[i + 1], out settled),
                "--payable" => LoadOptions.Positive(args[i], args[i + 1], out payable),
                _ => $"unknown option {args[i]}",
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (new SettlementLoadOptions(settled, payable), null);
    }
}
