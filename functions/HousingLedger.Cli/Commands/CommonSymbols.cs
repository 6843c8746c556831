using System.CommandLine;
using System.CommandLine.Parsing;
using HousingLedger.Values;

namespace HousingLedger.Cli.Commands;

/// <summary>The arguments and options several commands share, described once.</summary>
internal static class CommonSymbols
{
    public static Argument<string> File(string name, string description) => new(name) { Description = description };

    public static Option<string> Jwks(bool required) => new("--jwks")
    {
        Description = "The published keys (the service's /api/.well-known/jwks.json, saved to a file): every block and checkpoint must be signed by one of them.",
        HelpName = "JWKS",
        Required = required,
    };

    /// <summary>
    /// Refuses <paramref name="name"/>, given as <paramref name="label"/>, when no chain can have it: checked while
    /// parsing, so it is a usage error rather than a chain that fails to verify or a request the service refuses.
    /// </summary>
    public static void MustNameAChain(SymbolResult result, string label, string? name)
    {
        if (name is not null && !Identifier.IsValid(name))
        {
            result.AddError($"{label}: expected a chain name, {Identifier.Rule}; found '{name}'");
        }
    }
}
