using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Witnessing;

namespace HousingLedger.Functions.Witnesses;

/// <summary>
/// Takes a checkpoint back from witnesses with their cosignatures: the checkpoint must be one the service signed for
/// the chain, and every other signature line must be a valid cosignature by a registered witness, or nothing is kept.
/// The cosignatures kept are served with that checkpoint from then on.
/// </summary>
public sealed class CosignatureIntake(SigningKeyRegistry keys, DirectoryStore directory, CosignatureStore cosignatures, TimeProvider time)
{
    public async Task<Validated<CosignedCheckpoint>> AcceptAsync(string chain, string note, CancellationToken cancellationToken)
    {
        var verified = CheckpointVerifier.Verify(note, await keys.ListAsync(cancellationToken));
        if (verified.Checkpoint is not { } checkpoint)
        {
            return Refused($"is not a checkpoint the service signed: {verified.Reason}");
        }

        if (checkpoint.Chain != chain)
        {
            return Refused($"is a checkpoint of {checkpoint.Origin}, not of {Checkpoint.OriginOf(chain)}");
        }

        var signed = SignedNote.Parse(note, out _)!;
        var lines = signed.Signatures.Where(line => line.KeyName != checkpoint.Origin).ToList();
        if (lines.Count == 0)
        {
            return Refused("carries no cosignature: add the witness's signature line after the service's");
        }

        var witnesses = new List<string>();
        foreach (var line in lines)
        {
            if (await directory.FindWitnessAsync(line.KeyName, line.KeyId, cancellationToken) is not { } witness)
            {
                return Refused($"has a cosignature by '{line.KeyName}' (key id {Convert.ToHexStringLower(line.KeyId)}), which is no registered witness");
            }

            if (CosignatureCheck.Check(signed, witness.Key, time.GetUtcNow()) is WitnessFinding.Invalid invalid)
            {
                return Refused($"has a cosignature by '{line.KeyName}' that is not valid: {invalid.Reason}");
            }

            witnesses.Add(line.KeyName);
        }

        foreach (var line in lines)
        {
            await cosignatures.KeepAsync(checkpoint, line, cancellationToken);
        }

        return Validated<CosignedCheckpoint>.Valid(new CosignedCheckpoint(checkpoint, witnesses));
    }

    private static Validated<CosignedCheckpoint> Refused(string message) => Validated<CosignedCheckpoint>.Invalid("note", message);
}

/// <summary>A checkpoint and the witnesses whose cosignatures of it were kept.</summary>
public sealed record CosignedCheckpoint(Checkpoint Checkpoint, IReadOnlyList<string> Witnesses);
