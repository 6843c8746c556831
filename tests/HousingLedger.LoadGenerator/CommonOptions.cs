using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace HousingLedger.LoadGenerator;

/// <summary>The options several of the generator's commands share, described once, with the rules their values keep.</summary>
internal static class CommonOptions
{
    /// <summary>A count or a number of seconds: digits only (no sign, no spaces), from 1 up.</summary>
    public static Option<int> Positive(string name, int defaultValue, string description, string helpName = "n") =>
        Count(name, defaultValue, description, from: 1, helpName);

    /// <summary>A count that may be none: digits only, from 0 up.</summary>
    public static Option<int> NoneOrMore(string name, string description, int defaultValue = 0) => Count(name, defaultValue, description, from: 0, "n");

    private static Option<int> Count(string name, int defaultValue, string description, int from, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => WholeNumber(result, name, from) ?? 0,
    };

    /// <summary><c>--seed</c>: null when not given, and the run then draws one and prints it, so any run can be sent again.</summary>
    public static Option<int?> Seed(int from, string description) => new("--seed")
    {
        Description = description,
        HelpName = "n",
        CustomParser = result => WholeNumber(result, "--seed", from),
    };

    /// <summary>The operator's key when none is given on the command line: <c>HL_OPERATOR_KEY</c>, else the sample settings' key.</summary>
    public static string OperatorKey(Func<string, string?> environment) =>
        environment("HL_OPERATOR_KEY") is { Length: > 0 } key ? key : LoadOptions.SampleOperatorKey;

    // Uri.IsLoopback trusts the name "localhost"; an address must be a loopback address itself.
    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback && (url.HostNameType == UriHostNameType.Dns
            ? string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static int? WholeNumber(ArgumentResult result, string name, int from)
    {
        var value = result.Tokens[0].Value;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= from)
        {
            return number;
        }

        result.AddError($"{name} must be a whole number from {from} up, not '{value}'");
        return null;
    }
}
