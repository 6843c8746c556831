using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// A small, fixed history of one association's chain (a contract, an oven job through to settlement and its
/// payment batch) and the fixed test keys, shared by the ledger tests and the golden-file generator.
/// </summary>
internal static class ChainSamples
{
    public const string Chain = "assoc_riverside";

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The key the golden chains are signed with (PKCS#8 PEM in testdata/chains).</summary>
    public static EcdsaSigningKey SigningKey() => EcdsaSigningKey.FromPkcs8Pem(File.ReadAllText(LedgerTestData.PathOf("chains", "signing-key.pem")));

    /// <summary>A key no JWKS of these tests publishes.</summary>
    public static EcdsaSigningKey OtherKey() => EcdsaSigningKey.FromPkcs8Pem(File.ReadAllText(LedgerTestData.PathOf("chains", "other-key.pem")));

    /// <summary>The published keys: only <see cref="SigningKey"/>.</summary>
    public static Jwks PublishedKeys()
    {
        using var key = SigningKey();
        return new Jwks([key.GetPublicKeyAsync().Result]);
    }

    public static LedgerTransaction Transaction(string type, string eventId, int minutesAfterMonday, string actor, string subject, JsonObject data) =>
        new(type, Chain, eventId, Monday.AddMinutes(minutesAfterMonday), Monday.AddMinutes(minutesAfterMonday).AddSeconds(1.25), actor, subject, data);

    /// <summary>The transactions of the golden chain, block by block.</summary>
    public static IReadOnlyList<IReadOnlyList<LedgerTransaction>> History() =>
    [
        [
            Transaction("contract.registered", "evt_contract_1", 0, "association:assoc_riverside", "contract:con_ovens26", new JsonObject
            {
                ["termsHash"] = "9f2c0c6e0f2a4d3c8c1b0e5a7d6f4b3a2918171615141312111009080706050a",
                ["vatRate"] = "0.20",
                ["items"] = new JsonArray(new JsonObject { ["code"] = "OVEN-600-SINGLE", ["unitPrice"] = 34500 }),
            }),
            Transaction("job.raised", "evt_job_raised", 5, "association:assoc_riverside", "job:job_flat12", new JsonObject
            {
                ["contractId"] = "con_ovens26",
                ["itemCode"] = "OVEN-600-SINGLE",
                ["quantity"] = 1,
                ["priority"] = "urgent",
                ["propertyRef"] = "UPRN-100023336956",
            }),
        ],
        [
            Transaction("job.accepted", "msg_accept_flat12", 60, "supplier:sup_brightfix", "job:job_flat12", new JsonObject()),
            Transaction("job.completed", "msg_complete_flat12", 1440, "supplier:sup_brightfix", "job:job_flat12", new JsonObject
            {
                ["serialNumber"] = "BX-600-88231",
                ["photoHashes"] = new JsonArray("5d41402abc4b2a76b9719d911017c592ae1b2b0c6e0f2a4d3c8c1b0e5a7d6f4b"),
            }),
            Transaction("job.approved", "evt_job_approved", 1500, "association:assoc_riverside", "job:job_flat12", new JsonObject { ["decision"] = "approved" }),
        ],
        [
            Transaction("job.settled", "evt_job_settled", 2400, "settlement:run_20260304", "job:job_flat12", new JsonObject
            {
                ["gross"] = 34500,
                ["discountRate"] = "0",
                ["cumulativeUnits"] = 1,
                ["penaltyRate"] = "0",
                ["lateJobs"] = 0,
                ["jobsInScope"] = 1,
                ["net"] = 34500,
                ["vat"] = 6900,
                ["payable"] = 41400,
                ["fee"] = 25,
            }),
            Transaction("batch.created", "evt_batch_1", 2401, "settlement:run_20260304", "batch:bat_20260304", new JsonObject
            {
                ["manifestHash"] = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                ["total"] = 41400,
            }),
        ],
    ];

    /// <summary>Seals <see cref="History"/> into a chain, one block a day, with <paramref name="key"/>.</summary>
    public static async Task<IReadOnlyList<Block>> SealAsync(ISigningKey key)
    {
        var blocks = new List<Block>();
        ChainHead? head = null;
        foreach (var (transactions, day) in History().Select((t, day) => (t, day)))
        {
            var block = await BlockSealer.SealAsync(Chain, head, transactions, Monday.AddDays(day).AddHours(12), key);
            blocks.Add(block);
            head = ChainHead.After(head, block);
        }

        return blocks;
    }

    /// <summary>Signs <paramref name="header"/> as a block with <paramref name="key"/>: for building blocks the sealer would refuse to.</summary>
    public static async Task<Block> SignAsync(BlockHeader header, IEnumerable<LedgerTransaction> transactions, ISigningKey key) =>
        new(header, Base64Url.EncodeToString(await key.SignDigestAsync(header.HashBytes())), transactions);

    public static ChainVerification Verify(IEnumerable<Block> blocks, Jwks keys)
    {
        var verifier = new ChainVerifier(Chain, keys.Find);
        foreach (var block in blocks)
        {
            verifier.Add(block);
        }

        return verifier.Result;
    }
}
