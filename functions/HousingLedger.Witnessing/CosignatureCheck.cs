using HousingLedger.Ledger;
using NSec.Cryptography;

namespace HousingLedger.Witnessing;

/// <summary>
/// Checks the cosignatures on a checkpoint note against the witnesses an auditor or the service trusts. A signature
/// line counts for a witness when its name and key id are the witness's (others are ignored, as C2SP prescribes);
/// a counted one must verify, and must not be dated more than <see cref="Leeway"/> after now. Thread-safe.
/// </summary>
public static class CosignatureCheck
{
    /// <summary>How far a cosignature's timestamp may run ahead of the checker's clock.</summary>
    public static readonly TimeSpan Leeway = TimeSpan.FromMinutes(5);

    /// <summary>What each of <paramref name="witnesses"/> says about <paramref name="checkpoint"/>.</summary>
    public static IReadOnlyList<WitnessFinding> Check(SignedNote checkpoint, IEnumerable<CosignerKey> witnesses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(witnesses);
        return [.. witnesses.Select(witness => Check(checkpoint, witness, now))];
    }

    /// <summary>What <paramref name="witness"/> says about <paramref name="checkpoint"/>.</summary>
    public static WitnessFinding Check(SignedNote checkpoint, CosignerKey witness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(witness);
        var line = checkpoint.Signatures.FirstOrDefault(s => s.KeyName == witness.Name && s.KeyId.AsSpan().SequenceEqual(witness.KeyId));
        if (line is null)
        {
            return new WitnessFinding.NotCosigned(witness);
        }

        if (Cosignature.Read(line) is not { } cosignature)
        {
            return new WitnessFinding.Invalid(witness, $"expected a timestamp and a {Cosignature.Ed25519SignatureLength}-byte Ed25519 signature, found {line.Signature.Length} bytes");
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Min(cosignature.Timestamp, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (at > now + Leeway)
        {
            return new WitnessFinding.Invalid(witness, $"dated {at:O}, after the checker's clock ({now:O})");
        }

        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, witness.PublicKey, KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, Cosignature.SignedMessage(checkpoint.Text, cosignature.Timestamp), cosignature.Ed25519Signature)
            ? new WitnessFinding.Cosigned(witness, at)
            : new WitnessFinding.Invalid(witness, "the Ed25519 signature does not verify over this checkpoint at its timestamp");
    }
}

/// <summary>What one witness's signature line on a checkpoint comes to.</summary>
public abstract record WitnessFinding(CosignerKey Witness)
{
    /// <summary>The witness cosigned this checkpoint at <paramref name="At"/>.</summary>
    public sealed record Cosigned(CosignerKey Witness, DateTimeOffset At) : WitnessFinding(Witness);

    /// <summary>The note carries no cosignature of this witness.</summary>
    public sealed record NotCosigned(CosignerKey Witness) : WitnessFinding(Witness);

    /// <summary>A line claims to be the witness's cosignature but is not a valid one.</summary>
    public sealed record Invalid(CosignerKey Witness, string Reason) : WitnessFinding(Witness);
}
