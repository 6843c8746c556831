using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Pipeline;

/// <summary>The appender against Azurite, driven directly (its queue trigger is switched off here).</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LedgerAppenderTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private readonly string chain = Identifier.New("asc");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.LedgerAppend.Disabled"] = "true",
        ["AzureWebJobs.LedgerCatchUp.Disabled"] = "true",
    };

    private LedgerAppender Appender => Host.Services.GetRequiredService<LedgerAppender>();

    private StateStore State => Host.Services.GetRequiredService<StateStore>();

    private OutboxStore Outbox => Host.Services.GetRequiredService<OutboxStore>();

    private TableLedgerStore Ledger => Host.Services.GetRequiredService<TableLedgerStore>();

    [Fact]
    public async Task Pending_events_are_appended_in_order_in_one_block_and_leave_the_outbox()
    {
        var accepted = await AcceptAsync(5);

        Assert.Equal(5, await Appender.AppendPendingAsync(chain, CancellationToken.None));

        var blocks = await BlocksAsync();
        Assert.Single(blocks);
        Assert.Equal(accepted, blocks[0].Transactions.Select(t => t.EventId));
        Assert.Empty(await Outbox.ReadAsync(chain, 10));
    }

    [Fact]
    public async Task Events_a_crashed_appender_wrote_but_did_not_clear_are_cleared_and_not_appended_again()
    {
        var accepted = await AcceptAsync(3);
        var pending = await Outbox.ReadAsync(chain, 10);
        var key = Host.Services.GetRequiredService<ISigningKey>();
        var block = await BlockSealer.SealAsync(chain, null, [.. pending.Take(2).Select(p => p.Transaction)], DateTimeOffset.UtcNow, key);
        Assert.NotNull(await Ledger.TryAppendAsync(block, null)); // ...and the process died before clearing its outbox.

        Assert.Equal(1, await Appender.AppendPendingAsync(chain, CancellationToken.None));

        var onChain = (await BlocksAsync()).SelectMany(b => b.Transactions).Select(t => t.EventId).ToList();
        Assert.Equal(accepted, onChain);
        Assert.Empty(await Outbox.ReadAsync(chain, 10));
    }

    [Fact]
    public async Task Appenders_running_at_once_on_one_chain_put_every_event_on_it_once()
    {
        var accepted = await AcceptAsync(60);
        var second = ActivatorUtilities.CreateInstance<LedgerAppender>(Host.Services);

        await Task.WhenAll(
            Appender.AppendPendingAsync(chain, CancellationToken.None),
            second.AppendPendingAsync(chain, CancellationToken.None));

        var onChain = (await BlocksAsync()).SelectMany(b => b.Transactions).Select(t => t.EventId).ToList();
        Assert.Equal(accepted.Order(), onChain.Order());
        Assert.Equal(onChain.Count, onChain.Distinct().Count());
        Assert.Empty(await Outbox.ReadAsync(chain, 100));
    }

    [Fact]
    public async Task Events_whose_wake_up_left_the_drain_under_way_to_append_them_reach_the_chain()
    {
        var accepted = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            accepted.AddRange(await AcceptAsync(20, from: round * 40));
            var draining = Appender.AppendPendingAsync(chain, CancellationToken.None);

            // Accepted while that drain may be under way; the wake-up does not wait for it, and may return at once.
            accepted.AddRange(await AcceptAsync(20, from: (round * 40) + 20));
            await Appender.AppendPendingAsync(chain, CancellationToken.None, waitForRunningDrain: false);
            await draining;

            var onChain = (await BlocksAsync()).SelectMany(b => b.Transactions).Select(t => t.EventId).ToList();
            Assert.Equal(accepted.Order(), onChain.Order());
        }
    }

    private async Task<List<string>> AcceptAsync(int count, int from = 0)
    {
        var start = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = from; i < from + count; i++)
        {
            var id = $"evt-{i:D3}";
            var at = start.AddMilliseconds(i);
            var tx = new LedgerTransaction("job.accepted", chain, id, at, at, "supplier:sup_1", "job_1", new JsonObject());
            Assert.Equal(AcceptOutcome.Accepted, await State.AcceptAsync(tx, []));
            ids.Add(id);
        }

        return ids;
    }

    private async Task<List<Block>> BlocksAsync()
    {
        var blocks = new List<Block>();
        await foreach (var block in Ledger.ReadBlocksAsync(chain))
        {
            blocks.Add(block);
        }

        return blocks;
    }
}
