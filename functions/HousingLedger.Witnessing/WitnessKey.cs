using System.Globalization;
using HousingLedger.Ledger;
using NSec.Cryptography;

namespace HousingLedger.Witnessing;

/// <summary>
/// An association's witness key: an Ed25519 key that lives on the association's own machine and never with the
/// service. Stored as one line, <c>PRIVATE+KEY+{name}+{hex key id}+{base64(0x04 ‖ 32-byte seed)}</c>, the form
/// signed-note tools use for private keys; published as its <see cref="CosignerKey"/> verifier key. Not thread-safe to
/// dispose while signing.
/// </summary>
public sealed class WitnessKey : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key key;

    private WitnessKey(string name, Key key)
    {
        this.key = key;
        Public = new CosignerKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The verifier key to publish, under which the cosignatures are checked.</summary>
    public CosignerKey Public { get; }

    /// <summary>A new random key for the witness named <paramref name="name"/> (e.g. <c>witness.riverside.example/hl</c>).</summary>
    /// <exception cref="ArgumentException">The name is not one a verifier key can carry.</exception>
    public static WitnessKey Generate(string name) =>
        new(name, Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Reads a key written by <see cref="ToPrivateKeyText"/>; null with a reason when it is not one.</summary>
    public static WitnessKey? Parse(string text, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Trim();
        var parts = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Split('+', 3) : [];
        var material = parts.Length == 3 ? Base64(parts[2]) : null;
        if (parts.Length != 3 || material is not { Length: 33 } || material[0] != Cosignature.SignatureType)
        {
            reason = "witness key: expected 'PRIVATE+KEY+<name>+<key id>+<base64 of 0x04 and a 32-byte Ed25519 seed>'";
            return null;
        }

        var key = Key.Import(Ed25519, material.AsSpan(1), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var witness = new WitnessKey(parts[0], key);
        if (!string.Equals(parts[1], Convert.ToHexStringLower(witness.Public.KeyId), StringComparison.Ordinal))
        {
            witness.Dispose();
            reason = "witness key: its key id does not match its name and key";
            return null;
        }

        reason = string.Empty;
        return witness;
    }

    /// <summary>The key as one line of text, to keep in a file only the association can read.</summary>
    public string ToPrivateKeyText() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Public.Name}+{Convert.ToHexStringLower(Public.KeyId)}+{Convert.ToBase64String([Cosignature.SignatureType, .. key.Export(KeyBlobFormat.RawPrivateKey)])}");

    /// <summary>Cosigns <paramref name="checkpoint"/> as of <paramref name="now"/>.</summary>
    public NoteSignature Cosign(SignedNote checkpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var timestamp = now.ToUnixTimeSeconds();
        var signature = Ed25519.Sign(key, Cosignature.SignedMessage(checkpoint.Text, timestamp));
        return Cosignature.ToNoteSignature(Public, timestamp, signature);
    }

    public void Dispose() => key.Dispose();

    private static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
