using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace HousingLedger.Ledger;

/// <summary>
/// What the hashes of one block of 98 transactions cost <c>hl verify</c>, against SHA-256 over the same bytes in one
/// call: the leaf hashes, the block's Merkle root, and the chain's tree. Each is a hash call a transaction or so, of
/// few bytes, so what bounds them is the cost of a call, not of the bytes (docs/performance.md, "Verifying an
/// export offline").
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TreeHashingBenchmarks
{
    private const int Transactions = 98;

    // A job.completed transaction as the sample export writes them is about 340 bytes.
    private readonly byte[] transaction = new byte[340];
    private readonly byte[] transactions = new byte[Transactions * 341];
    private readonly byte[] leafHashes = new byte[Transactions * Rfc6962.HashSize];
    private readonly byte[] hash = new byte[Rfc6962.HashSize];

    [GlobalSetup]
    public void Fill()
    {
        new Random(98).NextBytes(transaction);
        new Random(341).NextBytes(transactions);
        LeafHashes();
    }

    /// <summary>The floor: SHA-256 over as many bytes as the block's leaf preimages, in one call.</summary>
    [Benchmark(Baseline = true)]
    public byte[] OneHashOverTheBlocksBytes()
    {
        SHA256.HashData(transactions, hash);
        return hash;
    }

    /// <summary>One leaf hash a transaction.</summary>
    [Benchmark]
    public byte[] LeafHashes()
    {
        for (var i = 0; i < Transactions; i++)
        {
            Rfc6962.HashLeaf(transaction, leafHashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
        }

        return leafHashes;
    }

    /// <summary>The block's Merkle root: 97 node hashes of 65 bytes.</summary>
    [Benchmark]
    public byte[] BlockRoot() => Rfc6962.RootHash(leafHashes);

    /// <summary>The block's leaves appended to the chain's tree: about one node hash each.</summary>
    [Benchmark]
    public long ChainTree()
    {
        var tree = new MerkleAccumulator();
        for (var i = 0; i < Transactions; i++)
        {
            tree.Append(leafHashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
        }

        return tree.Size;
    }
}
