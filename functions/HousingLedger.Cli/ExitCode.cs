namespace HousingLedger.Cli;

/// <summary>What <c>hl</c> tells the shell, as tools auditors already trust do (git, cosign, witness).</summary>
internal enum ExitCode
{
    /// <summary>Everything checked holds.</summary>
    Holds = 0,

    /// <summary>Something fails to verify, or a file under audit (export, receipt, checkpoint, proof) is corrupt.</summary>
    Fails = 1,

    /// <summary>The command cannot run: a bad option, a missing or unreadable path, or a JWKS that cannot be used.</summary>
    Usage = 2,
}
