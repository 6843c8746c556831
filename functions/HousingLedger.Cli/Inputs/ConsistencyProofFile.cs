using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Cli.Inputs;

/// <summary>
/// The service's answer to <c>GET /api/ledger/{chain}/consistency?from=&amp;to=</c>:
/// <c>{"chain", "from", "to", "proof": ["&lt;lowercase hex&gt;", …]}</c>, the RFC 6962 consistency proof between
/// the chain's trees of <see cref="From"/> and <see cref="To"/> leaves.
/// </summary>
internal sealed record ConsistencyProofFile(string Chain, long From, long To, IReadOnlyList<byte[]> Proof)
{
    private static readonly string[] MemberNames = ["chain", "from", "to", "proof"];

    public static Task<Loaded<ConsistencyProofFile>> ReadAsync(string path, CancellationToken cancellationToken) =>
        JsonFile.ReadAsync(path, "consistency proof", underAudit: true, FromJson, cancellationToken);

    internal static Validated<ConsistencyProofFile> FromJson(JsonObject json)
    {
        var unexpected = json.Select(member => member.Key).FirstOrDefault(name => !MemberNames.Contains(name, StringComparer.Ordinal));
        if (unexpected is not null)
        {
            return Validated<ConsistencyProofFile>.Invalid(unexpected, "is not a member of a consistency proof (chain, from, to, proof)");
        }

        if (json["chain"] is not JsonValue chainValue || !chainValue.TryGetValue<string>(out var chain) || chain.Length == 0)
        {
            return Validated<ConsistencyProofFile>.Invalid("chain", "must be the chain's name");
        }

        if (Size(json, "from") is not { } from)
        {
            return Validated<ConsistencyProofFile>.Invalid("from", "must be a whole number of leaves, 0 or more");
        }

        if (Size(json, "to") is not { } to)
        {
            return Validated<ConsistencyProofFile>.Invalid("to", "must be a whole number of leaves, 0 or more");
        }

        if (json["proof"] is not JsonArray hashes)
        {
            return Validated<ConsistencyProofFile>.Invalid("proof", "must be an array of hashes");
        }

        var proof = new List<byte[]>();
        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is not JsonValue hash || !hash.TryGetValue<string>(out var hex) || hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
            {
                return Validated<ConsistencyProofFile>.Invalid($"proof[{i}]", "must be a SHA-256 hash: 64 lowercase hex digits");
            }

            proof.Add(Convert.FromHexString(hex));
        }

        return Validated<ConsistencyProofFile>.Valid(new(chain, from, to, proof));
    }

    private static long? Size(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var size) && size >= 0 ? size : null;
}
