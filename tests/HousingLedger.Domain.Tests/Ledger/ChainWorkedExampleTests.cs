using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// The worked example of docs/ledger-format.md is block 0 of the golden chain: its values are what the code
/// computes, and the document quotes the golden files as they are.
/// </summary>
public sealed class ChainWorkedExampleTests
{
    private const string Leaf0 = "fe6b73146002002c67513f23fbbfc26c46a39b5dc8e33e393c8c7d45b9e49f59";
    private const string Leaf1 = "ce06b398032281dd111fad4dc87da3cc5d9e1a9bf44ef009c4f4bfabe1fd41e7";
    private const string MerkleRoot = "7b10cd1e13136507d143e7c68dca9206f05c81d3da3b554c3032301d4db6ff8f";
    private const string BlockHash = "753bc116ffa0507232a98dd83ffab4628d93c35303d67e2768aef6fd472b4b3e";
    private const string Thumbprint = "026a22a83a03ea6d6e3797a9667fc47a434f435c0d2f112692a38d66c8298787";
    private const string SpkiHash = "ec7f3826e48758680d9f5d5a66c1c670e94e3cab90b95f83f26b3cc2d9804fc5";
    private const string NoteTextHash = "ba740c3335909dc71f7455ed0f13f8e93f38e0d76cc31a2342cad63a009807e8";
    private const string ProofFrom2To7Leaves2To3 = "5203184a7917e8f194b61ff406fc7e04220d9879d5cbd83daa6bb80119d09a6a";
    private const string ProofFrom2To7Leaves4To6 = "692bae7668442ee110b6cd420e043bd76973232a0221d37f5de9a1c3745562eb";
    private const string ProofFrom2To7FirstStep = "f0aafe36bd812fad6c3a20971d976a6c7cda5c4401989b6228850566c5c798a9";

    [Fact]
    public void FirstGoldenBlock_HasTheDocumentedHashes()
    {
        var block = FirstBlock();

        Assert.Equal([Leaf0, Leaf1], block.LeafHashes().Select(Convert.ToHexStringLower));
        Assert.Equal(MerkleRoot, Convert.ToHexStringLower(Rfc6962.HashChildren(Convert.FromHexString(Leaf0), Convert.FromHexString(Leaf1))));
        Assert.Equal(MerkleRoot, block.Header.MerkleRoot);
        Assert.Equal(BlockHash, block.Header.Hash());
        Assert.True(ChainSamples.Verify([block], ChainSamples.PublishedKeys()).Valid, "the documented block does not verify");
    }

    [Fact]
    public void FirstGoldenBlock_ReceiptForTheJobIsTheSiblingLeaf()
    {
        var receipt = Receipt.For(FirstBlock(), 1);

        Assert.Equal([Leaf0], receipt.Proof);
        Assert.True(ReceiptVerifier.Verify(receipt, ChainSamples.PublishedKeys().Find).Valid);
    }

    [Fact]
    public void TestKey_HasTheDocumentedThumbprintAndCheckpointKeyId()
    {
        var key = ChainSamples.PublishedKeys().Keys[0];

        Assert.Equal(Thumbprint, Convert.ToHexStringLower(Convert.FromBase64String(PadBase64(key.KeyId))));
        Assert.Equal(SpkiHash, Convert.ToHexStringLower(SHA256.HashData(key.SubjectPublicKeyInfo())));
        Assert.Equal(SpkiHash[..8], Convert.ToHexStringLower(CheckpointKey.KeyId(key)));
    }

    [Fact]
    public void FirstBlockCheckpoint_HasTheDocumentedNoteTextHash()
    {
        var note = File.ReadAllText(LedgerTestData.PathOf("checkpoints", "first-block.note"));
        var text = note[..(note.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)];

        Assert.Equal(NoteTextHash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(Checkpoint.ForChain(ChainSamples.Chain, 2, Convert.FromHexString(MerkleRoot)), CheckpointVerifier.Verify(note, ChainSamples.PublishedKeys().Keys).Checkpoint);
    }

    [Fact]
    public void GoldenCheckpoints_ConsistencyProofFromTheFirstBlockToTheWholeChain_IsTheDocumentedOneAndVerifies()
    {
        var leaves = File.ReadLines(LedgerTestData.PathOf("chains", "valid.jsonl"))
            .SelectMany(line => Block.FromExportLine(line).Value.LeafHashes()).ToArray();
        var old = GoldenCheckpoint("first-block.note");
        var whole = GoldenCheckpoint("valid.note");

        var proof = Rfc6962.ConsistencyProof(leaves, old.TreeSize, whole.TreeSize);
        var firstStep = Rfc6962.HashChildren(old.RootHash, proof[0]);

        Assert.Equal([ProofFrom2To7Leaves2To3, ProofFrom2To7Leaves4To6], proof.Select(Convert.ToHexStringLower));
        Assert.Equal(ProofFrom2To7FirstStep, Convert.ToHexStringLower(firstStep));
        Assert.Equal(whole.RootHash, Rfc6962.HashChildren(firstStep, proof[1]));
        Assert.True(Rfc6962.VerifyConsistency(old.TreeSize, whole.TreeSize, old.RootHash, whole.RootHash, proof).IsValid);
    }

    [Fact]
    public void Document_QuotesTheGoldenFilesAndValuesAsTheyAre()
    {
        var document = File.ReadAllText(DocumentPath());
        var quoted = new[]
        {
            File.ReadLines(LedgerTestData.PathOf("chains", "valid.jsonl")).First(),
            File.ReadAllText(LedgerTestData.PathOf("checkpoints", "first-block.note")),
            File.ReadAllText(LedgerTestData.PathOf("checkpoints", "vkey.txt")).TrimEnd('\n'),
            Leaf0, Leaf1, MerkleRoot, BlockHash, Thumbprint, SpkiHash, NoteTextHash,
            ProofFrom2To7Leaves2To3, ProofFrom2To7Leaves4To6, ProofFrom2To7FirstStep,
        };

        foreach (var text in quoted)
        {
            Assert.True(document.Contains(text, StringComparison.Ordinal), $"docs/ledger-format.md does not quote, as it now is:\n{text}");
        }
    }

    private static Block FirstBlock() =>
        Block.FromExportLine(File.ReadLines(LedgerTestData.PathOf("chains", "valid.jsonl")).First()).Value;

    private static Checkpoint GoldenCheckpoint(string name) =>
        CheckpointVerifier.Verify(File.ReadAllText(LedgerTestData.PathOf("checkpoints", name)), ChainSamples.PublishedKeys().Keys).Checkpoint!;

    private static string PadBase64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);

    private static string DocumentPath() => SourceTree.PathOf("docs", "ledger-format.md");
}
