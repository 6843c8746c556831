using HousingLedger.Ledger;

namespace HousingLedger.Cli.Inputs;

/// <summary>
/// The JWKS the auditor trusts. It is not under audit: a key set that cannot be read leaves nothing checked, so it
/// is a usage error (exit 2), not a verification failure.
/// </summary>
internal static class PublishedKeys
{
    public static Task<Loaded<Jwks>> ReadAsync(string path, CancellationToken cancellationToken) =>
        JsonFile.ReadAsync(path, "JWKS", underAudit: false, Jwks.FromJson, cancellationToken);
}
