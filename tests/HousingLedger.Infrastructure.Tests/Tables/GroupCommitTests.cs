using Azure;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Tests.Tables;

/// <summary>
/// Concurrent requests on one partition go to Azurite in few transactions, and each answers alone: committed, or
/// refused for its own row while the others commit.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class GroupCommitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Partition = "chain_1";
    private CountingTable table = null!;
    private GroupCommit commits = null!;

    public async Task InitializeAsync()
    {
        table = new CountingTable(azurite.ConnectionString, AzuriteFixture.UniqueName("groups"));
        await table.CreateIfNotExistsAsync();
        commits = new GroupCommit(() => table);
    }

    public Task DisposeAsync() => table.DeleteAsync();

    [Fact]
    public async Task A_burst_of_requests_commits_every_one_in_fewer_transactions_than_requests()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => commits.CommitAsync(Partition, Adds($"claim|{i}", $"row|{i}|a", $"row|{i}|b"), default)));

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(180, await CountRowsAsync());

        // 180 rows need at least two transactions of 100; one per request would be 60.
        Assert.InRange(table.Transactions, 2, 30);
    }

    [Fact]
    public async Task A_request_whose_row_exists_is_refused_alone_and_the_rest_commit()
    {
        await table.AddEntityAsync(new TableEntity(Partition, "row|7|b"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => commits.CommitAsync(Partition, Adds($"claim|{i}", $"row|{i}|a", $"row|{i}|b"), default)));

        Assert.Equal(new ActionRefused(2, 409), outcomes[7]);
        Assert.All(outcomes.Where((_, i) => i != 7), Assert.Null);
        Assert.Equal(19 * 3 + 1, await CountRowsAsync());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(Partition, "claim|7")).HasValue);
    }

    [Fact]
    public async Task Two_requests_for_the_same_row_never_share_a_transaction_and_only_the_first_commits()
    {
        var first = await table.AddEntityAsync(new TableEntity(Partition, "job|1") { ["state"] = "raised" });
        var version = first.Headers.ETag!.Value;

        var outcomes = await Task.WhenAll(
            commits.CommitAsync(Partition, Adds("warm-up"), default),
            commits.CommitAsync(Partition, [.. Adds("claim|a"), Replace("job|1", "accepted", version)], default),
            commits.CommitAsync(Partition, [.. Adds("claim|b"), Replace("job|1", "cancelled", version)], default));

        Assert.Null(outcomes[0]);
        Assert.Null(outcomes[1]);
        Assert.Equal(new ActionRefused(1, 412), outcomes[2]);
        Assert.Equal("accepted", (await table.GetEntityAsync<TableEntity>(Partition, "job|1")).Value.GetString("state"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(Partition, "claim|b")).HasValue);
    }

    private static List<TableTransactionAction> Adds(params string[] rowKeys) =>
        [.. rowKeys.Select(key => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, key)))];

    private static TableTransactionAction Replace(string rowKey, string state, ETag version) =>
        new(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, rowKey) { ["state"] = state }, version);

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>A table client that counts the transactions it submits.</summary>
    private sealed class CountingTable(string connectionString, string tableName) : TableClient(connectionString, tableName)
    {
        private int transactions;

        public int Transactions => Volatile.Read(ref transactions);

        public override Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref transactions);
            return base.SubmitTransactionAsync(transactionActions, cancellationToken);
        }
    }
}
