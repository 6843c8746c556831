using System.CommandLine;

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
}
