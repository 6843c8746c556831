using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// <c>GET /api/ledger/{chain}/consistency?from=&amp;to=</c>: a proof that verifies between two checkpoints the service
/// signed, the same proof as one built from every leaf of the export, refusals naming the parameter, and readable with
/// any association's key, as witnesses of other chains need.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ConsistencyTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset Sealed = new(2026, 3, 2, 21, 0, 0, TimeSpan.Zero);

    // Uneven block sizes, so block boundaries fall inside and between the tree's perfect subtrees: 41 transactions.
    private static readonly int[] BlockSizes = [1, 3, 2, 5, 1, 1, 4, 7, 2, 3, 1, 6, 2, 3];

    private TableLedgerStore Ledger => Host.Services.GetRequiredService<TableLedgerStore>();

    [Fact]
    public async Task A_proof_between_two_checkpoints_of_a_growing_chain_verifies_against_their_roots()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 2);
        var old = await Api.VerifiedCheckpointAsync(association);

        await Api.RaiseJobAsync(association, contractId);
        await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 4);
        var current = await Api.VerifiedCheckpointAsync(association);

        var answer = await ProofAsync(association, $"from={old.TreeSize}&to={current.TreeSize}");
        var check = Rfc6962.VerifyConsistency(old.TreeSize, current.TreeSize, old.RootHash, current.RootHash, Hashes(answer));

        Assert.True(check.IsValid, $"{old.TreeSize} -> {current.TreeSize}: {check}");
        Assert.Equal((association.AssociationId, old.TreeSize, current.TreeSize), ((string)answer["chain"]!, (long)answer["from"]!, (long)answer["to"]!));
        Assert.Equal(answer.ToJsonString(), (await ProofAsync(association, $"from={old.TreeSize}")).ToJsonString());
    }

    [Fact]
    public async Task Over_many_blocks_every_proof_is_the_one_built_from_every_leaf_of_the_export_and_verifies_between_checkpoints()
    {
        var association = await Api.OnboardAssociationAsync();
        await AppendBlocksAsync(association, BlockSizes[..3]);
        var old = await Api.VerifiedCheckpointAsync(association);
        await AppendBlocksAsync(association, BlockSizes[3..]);
        var current = await Api.VerifiedCheckpointAsync(association);
        var leaves = (await Api.ExportAsync(association)).SelectMany(block => block.LeafHashes()).ToArray();

        var check = Rfc6962.VerifyConsistency(
            old.TreeSize, current.TreeSize, old.RootHash, current.RootHash, Hashes(await ProofAsync(association, $"from={old.TreeSize}")));

        Assert.Equal(BlockSizes.Sum(), current.TreeSize);
        Assert.True(check.IsValid, $"{old.TreeSize} -> {current.TreeSize}: {check}");
        await AssertProofsAsync(association, leaves);
    }

    [Fact]
    public async Task A_chain_whose_blocks_were_written_before_their_rows_kept_peaks_gets_the_same_proofs()
    {
        var association = await Api.OnboardAssociationAsync();
        await AppendBlocksAsync(association, BlockSizes);
        var leaves = (await Api.ExportAsync(association)).SelectMany(block => block.LeafHashes()).ToArray();

        var table = Host.Services.GetRequiredService<StorageClients>().Tables.GetTableClient(StorageNames.LedgerTable);
        var blocks = $"PartitionKey eq '{association.AssociationId}' and RowKey ge 'block|' and RowKey lt '{Keys.PrefixEnd("block|")}'";
        await foreach (var row in table.QueryAsync<TableEntity>(blocks))
        {
            Assert.True(row.Remove("PeaksBefore"), $"block row {row.RowKey} kept no peaks to remove");
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        await AssertProofsAsync(association, leaves);
    }

    [Fact]
    public async Task From_zero_or_from_the_size_itself_gives_the_empty_proof_even_on_a_chain_with_no_block()
    {
        var association = await Api.OnboardAssociationAsync();
        var empty = await ProofAsync(association, "from=0");
        await AppendBlocksAsync(association, [3]);

        Assert.Equal((0L, 0L, 0), ((long)empty["from"]!, (long)empty["to"]!, empty["proof"]!.AsArray().Count));
        Assert.Empty(Hashes(await ProofAsync(association, "from=0&to=3")));
        Assert.Empty(Hashes(await ProofAsync(association, "from=3")));
        Assert.Empty(Hashes(await ProofAsync(association, "from=2&to=2")));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "", "from" },
        { "to=3", "from" },
        { "from=", "from" },
        { "from=-1", "from" },
        { "from=abc", "from" },
        { "from=1.5", "from" },
        { "from=99999999999999999999", "from" },
        { "from=1&from=2", "from" },
        { "from=1&to=x", "to" },
        { "from=1&to=-2", "to" },
        { "from=1&to=2&to=3", "to" },
        { "from=3&to=2", "from" },
        { "from=5", "from" },
        { "from=1&to=5", "to" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_sizes_are_refused_with_a_problem_naming_the_parameter(string query, string field)
    {
        var association = await Api.OnboardAssociationAsync();
        await AppendBlocksAsync(association, [1, 3]);

        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/consistency?{query}", association.ApiKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"?{query}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"?{query}: came as {response.Content.Headers.ContentType}: {text}");
        var errors = JsonNode.Parse(text)!["errors"]?.AsObject();
        Assert.True(errors?.Select(e => e.Key).SequenceEqual([field]) == true, $"?{query}: expected errors naming only '{field}', got {text}");
        Assert.Equal(4, (long)(await Api.HeadAsync(association))["txCount"]!);
    }

    [Fact]
    public async Task Any_associations_key_and_the_operator_read_another_chains_proof_since_associations_witness_one_another()
    {
        var association = await Api.OnboardAssociationAsync();
        var other = await Api.OnboardAssociationAsync("Hillside Homes");
        await AppendBlocksAsync(association, [2, 2]);

        var byOther = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/consistency?from=1", other.ApiKey, expect: HttpStatusCode.OK);
        var byOperator = await Api.JsonAsync(
            HttpMethod.Get, $"/api/ledger/{association.AssociationId}/consistency?from=1", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);
        using var withoutKey = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/consistency?from=1", null);

        Assert.Equal(2, Hashes(byOperator).Count);
        Assert.Equal(Hashes(byOperator), Hashes(byOther));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    private async Task AssertProofsAsync(Association association, byte[][] leaves)
    {
        // Every old size against the whole chain, and every old size against a size a few blocks on.
        var pairs = Enumerable.Range(1, leaves.Length).SelectMany(from => new[] { (from, leaves.Length), (from, Math.Min(from + 9, leaves.Length)) });
        var wrong = new List<string>();
        foreach (var (from, to) in pairs.Distinct())
        {
            var want = Hex(from == to ? [] : Rfc6962.ConsistencyProof(leaves, from, to));
            var found = Hex(Hashes(await ProofAsync(association, $"from={from}&to={to}")));
            if (want != found)
            {
                wrong.Add($"{from} -> {to}: {found}, want {want}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private Task<JsonObject> ProofAsync(Association association, string query) =>
        Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/consistency?{query}", association.ApiKey, expect: HttpStatusCode.OK);

    /// <summary>Writes blocks of these sizes straight to the chain, as the appender would, without waiting for jobs to be raised.</summary>
    private async Task AppendBlocksAsync(Association association, int[] sizes)
    {
        var key = Host.Services.GetRequiredService<ISigningKey>();
        foreach (var size in sizes)
        {
            var head = await Ledger.GetHeadAsync(association.AssociationId);
            var count = head?.Head.TxCount ?? 0;
            var transactions = Enumerable.Range(0, size).Select(i => new LedgerTransaction(
                "job.accepted", association.AssociationId, $"evt_{count + i}", Sealed, Sealed, "supplier:sup_1", "job_1", [])).ToList();
            var block = await BlockSealer.SealAsync(association.AssociationId, head?.Head, transactions, Sealed, key);
            Assert.NotNull(await Ledger.TryAppendAsync(block, head));
        }
    }

    private static List<byte[]> Hashes(JsonObject answer) => [.. answer["proof"]!.AsArray().Select(h => Convert.FromHexString((string)h!))];

    private static string Hex(IEnumerable<byte[]> hashes) => string.Join(",", hashes.Select(Convert.ToHexStringLower));
}
