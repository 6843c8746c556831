using HousingLedger.Ledger;

namespace HousingLedger.Cli.Inputs;

/// <summary>
/// The JWKS the auditor trusts. It is not under audit: a key set that cannot be read leaves nothing checked, so it
/// is a usage error (exit 2), not a verification failure.
/// </summary>
internal static class PublishedKeys
{
    public static async Task<Loaded<Jwks>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var keys = await JsonFile.ReadAsync(path, "JWKS", underAudit: false, Jwks.FromJson, cancellationToken);

        // The service never removes a key, so a set with none is not its JWKS: nothing could be verified against it.
        return keys.Value is { Keys.Count: 0 } ? Loaded<Jwks>.Unusable($"the JWKS '{path}' holds no keys") : keys;
    }
}
