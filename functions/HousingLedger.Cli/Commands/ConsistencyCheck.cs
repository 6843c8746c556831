using HousingLedger.Cli.Inputs;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary>What must hold between two checkpoints of one chain and the proof the service gave for them.</summary>
internal static class ConsistencyCheck
{
    /// <summary>Why the proof does not show that <paramref name="newer"/> extends <paramref name="older"/>, or null when it does.</summary>
    public static string? FindFault(Checkpoint older, Checkpoint newer, ConsistencyProofFile answer)
    {
        if (newer.Origin != older.Origin)
        {
            return $"origin: expected NEW to be the same chain as OLD ({older.Origin}), found {newer.Origin}";
        }

        if (answer.Chain != older.Chain)
        {
            return $"proof chain: expected '{older.Chain}' (the checkpoints' chain), found '{answer.Chain}'";
        }

        if (answer.From != older.TreeSize || answer.To != newer.TreeSize)
        {
            return $"proof sizes: expected from {older.TreeSize} to {newer.TreeSize} (OLD's and NEW's tree sizes), found from {answer.From} to {answer.To}";
        }

        if (older.TreeSize == 0)
        {
            // RFC 6962 defines no proof from the empty tree, since every tree extends it: there is nothing to show.
            return answer.Proof.Count == 0 ? null : $"proof: expected no hashes from the empty tree, found {answer.Proof.Count}";
        }

        var check = Rfc6962.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, answer.Proof);
        return check.Verdict switch
        {
            ProofVerdict.Valid => null,
            ProofVerdict.RootMismatch => $"proof: the hashes do not lead from OLD's root to NEW's; NEW's tree does not extend OLD's ({check.Reason})",
            _ => older.TreeSize > newer.TreeSize
                ? $"tree size: expected NEW to be at least OLD's {older.TreeSize}, found {newer.TreeSize}; a chain never shrinks"
                : $"proof: expected a consistency proof from {older.TreeSize} to {newer.TreeSize}, found one that cannot be ({check.Reason})",
        };
    }
}
