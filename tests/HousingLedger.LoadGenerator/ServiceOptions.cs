using System.CommandLine;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The running service a command sends to, and the operator's key it sends with: <c>--url</c>, <c>--allow-remote</c>
/// and <c>--operator-key</c>, as the load run, <c>fuzz</c> and <c>duplicates</c> take them.
/// </summary>
internal sealed class ServiceOptions
{
    private readonly Func<string, string?> environment;

    /// <param name="environment">Reads <c>HL_OPERATOR_KEY</c>.</param>
    /// <param name="allowRemote">What <c>--allow-remote</c> allows.</param>
    /// <param name="toARemoteService">What a non-loopback <c>--url</c> would do, for its error.</param>
    public ServiceOptions(Func<string, string?> environment, string allowRemote, string toARemoteService)
    {
        this.environment = environment;
        AllowRemote = new Option<bool>("--allow-remote") { Description = allowRemote };
        Url = ServiceUrl(AllowRemote, toARemoteService);
    }

    public Option<bool> AllowRemote { get; }

    public Option<Uri> Url { get; }

    public Option<string?> OperatorKey { get; } = new("--operator-key")
    {
        Description = "The operator's API key (default $HL_OPERATOR_KEY, else the sample settings' key).",
        HelpName = "key",
    };

    /// <summary>The options, in the order help lists them.</summary>
    public Option[] All => [Url, AllowRemote, OperatorKey];

    /// <summary>The key given, else the environment's (see <see cref="CommonOptions.OperatorKey"/>).</summary>
    public string OperatorKeyOf(ParseResult parsed) => parsed.GetValue(OperatorKey) ?? CommonOptions.OperatorKey(environment);

    /// <summary>
    /// <c>--url</c>, the running service: an absolute http(s) address, and a loopback one unless <paramref name="allowRemote"/>
    /// is given, so a load or a fuzz is never sent to a real service by a slip of the hand.
    /// </summary>
    private static Option<Uri> ServiceUrl(Option<bool> allowRemote, string toARemoteService) => new("--url")
    {
        Description = "The service's base address (without /api); loopback only unless --allow-remote.",
        HelpName = "url",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:7071"),
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--url '{text}' is not an absolute http(s) URL");
                return null;
            }

            if (!result.GetValue(allowRemote) && !CommonOptions.IsLoopback(url))
            {
                result.AddError($"--url '{text}' is not a loopback address; pass --allow-remote to {toARemoteService}");
            }

            return url;
        },
    };
}
