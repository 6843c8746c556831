using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Ledger;

public sealed class CheckpointTests
{
    private static readonly byte[] Root = SHA256.HashData("root"u8);

    [Fact]
    public async Task SignAsync_WritesTheCheckpointBodyABlankLineAndOneSignatureLine()
    {
        using var key = ChainSamples.SigningKey();

        var note = await CheckpointSigner.SignAsync(ChainSamples.Chain, 7, Root, key);

        var body = $"housingledger/assoc_riverside\n7\n{Convert.ToBase64String(Root)}\n";
        Assert.StartsWith(body + "\n— housingledger/assoc_riverside ", note, StringComparison.Ordinal);
        Assert.EndsWith("\n", note, StringComparison.Ordinal);
        Assert.Equal(body.Length + 1, note.LastIndexOf("\n\n", StringComparison.Ordinal) + 2);
    }

    [Fact]
    public async Task SignAsync_SignatureIsKeyIdThenDerEcdsaOverSha256OfTheNoteText()
    {
        using var key = ChainSamples.SigningKey();
        var publicKey = await key.GetPublicKeyAsync();

        var note = await CheckpointSigner.SignAsync(ChainSamples.Chain, 7, Root, key);

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        var signature = Convert.FromBase64String(note[(split + 2)..^1].Split(' ')[2]);
        Assert.Equal(SHA256.HashData(publicKey.SubjectPublicKeyInfo())[..4], signature[..4]);
        AsnDecoder.ReadSequence(signature.AsSpan(4), AsnEncodingRules.DER, out _, out _, out var consumed);
        Assert.Equal(signature.Length - 4, consumed);
        using var ecdsa = ECDsa.Create(publicKey.ToParameters());
        Assert.True(
            ecdsa.VerifyData(Encoding.UTF8.GetBytes(note[..(split + 1)]), signature.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
            "the DER signature does not verify over the note text");
    }

    [Fact]
    public async Task Verify_ASignedCheckpoint_GivesOriginSizeAndRoot()
    {
        using var key = ChainSamples.SigningKey();
        var note = await CheckpointSigner.SignAsync(ChainSamples.Chain, 7, Root, key);

        var verification = CheckpointVerifier.Verify(note, await key.GetPublicKeyAsync());

        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(Checkpoint.ForChain(ChainSamples.Chain, 7, Root), verification.Checkpoint);
        Assert.Equal(("housingledger/assoc_riverside", ChainSamples.Chain), (verification.Checkpoint!.Origin, verification.Checkpoint.Chain));
    }

    [Fact]
    public async Task Verify_EmptyChain_HasSizeZeroAndTheEmptyRoot()
    {
        using var key = ChainSamples.SigningKey();
        var note = await CheckpointSigner.SignAsync(ChainSamples.Chain, 0, Rfc6962.EmptyRoot, key);

        Assert.StartsWith("housingledger/assoc_riverside\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n", note, StringComparison.Ordinal);
        Assert.True(CheckpointVerifier.Verify(note, await key.GetPublicKeyAsync()).Valid);
    }

    public static TheoryData<string, string> GoldenNotes() => new()
    {
        { "valid", "" },
        { "first-block", "" },
        { "cosigned-by-unknown-key", "" },
        { "wrong-size", "signature: expected an ECDSA P-256 signature by key" },
        { "wrong-root", "signature: expected an ECDSA P-256 signature by key" },
        { "bad-signature", "signature: expected an ECDSA P-256 signature by key" },
        { "wrong-origin", "signature: expected one by a trusted key named housingledger/assoc_elsewhere, found none" },
        { "unknown-key", "signature: expected one by a trusted key named housingledger/assoc_riverside, found none" },
    };

    [Theory]
    [MemberData(nameof(GoldenNotes))]
    public void Verify_GoldenNote_HoldsOrFailsWithItsReason(string name, string reasonStart)
    {
        var note = File.ReadAllText(LedgerTestData.PathOf("checkpoints", name + ".note"), Encoding.UTF8);

        var verification = CheckpointVerifier.Verify(note, ChainSamples.PublishedKeys().Keys);

        Assert.Equal(reasonStart.Length == 0, verification.Valid);
        Assert.StartsWith(reasonStart, verification.Reason ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldenValidNote_IsTheCheckpointOfTheGoldenChain()
    {
        var chain = File.ReadAllLines(LedgerTestData.PathOf("chains", "valid.jsonl")).Select(line => Block.FromExportLine(line).Value);
        var verifier = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find);
        foreach (var block in chain)
        {
            verifier.Add(block);
        }

        var note = await File.ReadAllTextAsync(LedgerTestData.PathOf("checkpoints", "valid.note"));

        Assert.Equal(Checkpoint.ForChain(ChainSamples.Chain, verifier.TreeSize, verifier.RootHash()), CheckpointVerifier.Verify(note, ChainSamples.PublishedKeys().Keys).Checkpoint);
    }

    [Theory]
    [InlineData("housingledger/assoc_riverside\n7\nroot\n\n— x AAAA\n", "root hash: expected 32 bytes in standard base64")]
    [InlineData("housingledger/assoc_riverside\n07\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n\n— x AAAAAAA=\n", "tree size: expected a decimal number without leading zeros, found '07'")]
    [InlineData("example.com/log\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n\n— x AAAAAAA=\n", "origin: expected housingledger/ and a chain name, found 'example.com/log'")]
    [InlineData("housingledger/assoc_riverside\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\nextension\n\n— x AAAAAAA=\n", "note text: expected exactly three lines")]
    [InlineData("housingledger/assoc_riverside\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n— x AAAAAAA=\n", "note: expected text, a blank line and signature lines")]
    [InlineData("housingledger/assoc_riverside\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n\n", "note: expected text, a blank line and signature lines")]
    [InlineData("housingledger/assoc_riverside\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n\n- x AAAAAAA=\n", "signature line: expected")]
    [InlineData("housingledger/assoc_riverside\r\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n\n— x AAAAAAA=\n", "note: expected no control characters")]
    public void Verify_MalformedNote_SaysWhatIsWrong(string note, string reasonStart)
    {
        var verification = CheckpointVerifier.Verify(note, ChainSamples.PublishedKeys().Keys);

        Assert.False(verification.Valid, "a malformed note verified");
        Assert.StartsWith(reasonStart, verification.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("bad-signature")]
    [InlineData("unknown-key")]
    public async Task FromSignedNote_ReadsTheCheckpointWithoutCheckingSignatures(string name)
    {
        var note = await File.ReadAllTextAsync(LedgerTestData.PathOf("checkpoints", name + ".note"));

        var checkpoint = Checkpoint.FromSignedNote(note, out var reason);

        Assert.True(checkpoint is not null, $"{name}: {reason}");
        Assert.Equal(("housingledger/assoc_riverside", 7L, "XdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc="), (checkpoint.Origin, checkpoint.TreeSize, Convert.ToBase64String(checkpoint.RootHash)));
    }

    [Fact]
    public void FromSignedNote_NoteWithoutSignatureLines_SaysWhatIsWrong()
    {
        var checkpoint = Checkpoint.FromSignedNote("housingledger/assoc_riverside\n7\nXdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n", out var reason);

        Assert.Null(checkpoint);
        Assert.StartsWith("note: expected text, a blank line and signature lines", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifierKey_IsNameHexKeyIdAndBase64OfTypeByteAndSpki()
    {
        using var key = ChainSamples.SigningKey();
        var publicKey = await key.GetPublicKeyAsync();

        var vkey = CheckpointKey.VerifierKey(ChainSamples.Chain, publicKey);

        var parts = vkey.Split('+', 3);
        Assert.Equal("housingledger/assoc_riverside", parts[0]);
        Assert.Equal(Convert.ToHexStringLower(CheckpointKey.KeyId(publicKey)), parts[1]);
        Assert.Equal([0x02, .. publicKey.SubjectPublicKeyInfo()], Convert.FromBase64String(parts[2]));
    }
}
