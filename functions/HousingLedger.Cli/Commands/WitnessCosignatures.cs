using HousingLedger.Cli.Inputs;
using HousingLedger.Ledger;
using HousingLedger.Witnessing;

namespace HousingLedger.Cli.Commands;

/// <summary>For <c>hl checkpoint --witness KEYS</c>: every witness named in KEYS must have cosigned the checkpoint.</summary>
internal static class WitnessCosignatures
{
    /// <summary>The witnesses' verifier keys, one a line, from <paramref name="path"/>; a key file that cannot be used is a usage problem.</summary>
    public static async Task<Loaded<IReadOnlyList<CosignerKey>>> ReadKeysAsync(string path, CancellationToken cancellationToken)
    {
        var text = await InputFile.ReadTextAsync(path, "witness keys", underAudit: false, cancellationToken);
        if (text.Value is not { } lines)
        {
            return text.As<IReadOnlyList<CosignerKey>>();
        }

        var keys = new List<CosignerKey>();
        foreach (var line in lines.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
        {
            if (CosignerKey.Parse(line, out var reason) is not { } key)
            {
                return Loaded<IReadOnlyList<CosignerKey>>.Unusable($"witness keys '{path}': {reason}");
            }

            keys.Add(key);
        }

        return keys.Count == 0
            ? Loaded<IReadOnlyList<CosignerKey>>.Unusable($"witness keys '{path}': expected one verifier key a line, found none")
            : Loaded<IReadOnlyList<CosignerKey>>.Ok(keys);
    }

    /// <summary>Null when every witness cosigned <paramref name="note"/>; else what the first that did not shows.</summary>
    public static string? FirstMissing(string note, IReadOnlyList<CosignerKey> witnesses, DateTimeOffset now)
    {
        var signed = SignedNote.Parse(note, out _)!;
        return CosignatureCheck.Check(signed, witnesses, now).FirstOrDefault(finding => finding is not WitnessFinding.Cosigned) switch
        {
            WitnessFinding.NotCosigned missing => $"witness {missing.Witness.Name} has not cosigned it",
            WitnessFinding.Invalid invalid => $"the cosignature of witness {invalid.Witness.Name} is not valid: {invalid.Reason}",
            _ => null,
        };
    }
}
