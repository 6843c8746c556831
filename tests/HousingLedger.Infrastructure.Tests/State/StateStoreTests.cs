using System.Text.Json.Nodes;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.State;

/// <summary>Accepting an event against Azurite: all or nothing, once per event id, in the order recorded.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StateStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string chain = Identifier.New("asc");
    private StateStore store = null!;
    private OutboxStore outbox = null!;

    public async Task InitializeAsync()
    {
        await azurite.Storage.Tables.CreateTableIfNotExistsAsync(StorageNames.StateTable);
        store = new StateStore(azurite.Storage);
        outbox = new OutboxStore(azurite.Storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_accepted_event_is_in_the_outbox_with_the_state_it_changed()
    {
        var outcome = await store.AcceptAsync(Tx("evt-1", Now), [StateChange.Create("job|job_1", new JsonObject { ["state"] = "raised" })]);

        Assert.Equal(AcceptOutcome.Accepted, outcome);
        Assert.Equal("raised", (string)(await store.GetAsync(chain, "job|job_1"))!.Document["state"]!);
        Assert.Equal(["evt-1"], (await outbox.ReadAsync(chain, 10)).Select(p => p.Transaction.EventId));
    }

    [Fact]
    public async Task An_event_id_accepted_before_is_refused_and_nothing_is_written()
    {
        await store.AcceptAsync(Tx("evt-1", Now), []);

        var again = await store.AcceptAsync(Tx("evt-1", Now.AddSeconds(1)), [StateChange.Create("job|job_2", new JsonObject())]);

        Assert.Equal(AcceptOutcome.DuplicateEvent, again);
        Assert.Null(await store.GetAsync(chain, "job|job_2"));
        Assert.Single(await outbox.ReadAsync(chain, 10));
    }

    [Fact]
    public async Task A_change_against_a_state_that_moved_on_is_refused_and_nothing_is_written()
    {
        await store.AcceptAsync(Tx("evt-1", Now), [StateChange.Create("job|job_1", new JsonObject { ["state"] = "raised" })]);
        var read = await store.GetAsync(chain, "job|job_1");
        await store.AcceptAsync(Tx("evt-2", Now.AddSeconds(1)), [StateChange.Replace("job|job_1", new JsonObject { ["state"] = "accepted" }, read!.Version)]);

        var stale = await store.AcceptAsync(Tx("evt-3", Now.AddSeconds(2)), [StateChange.Replace("job|job_1", new JsonObject { ["state"] = "cancelled" }, read.Version)]);

        Assert.Equal(AcceptOutcome.StaleState, stale);
        Assert.Equal("accepted", (string)(await store.GetAsync(chain, "job|job_1"))!.Document["state"]!);
        Assert.Null(await store.GetAcceptedEventAsync(chain, TypedId.Parse<EventId>("evt-3")));
        Assert.Equal(2, (await outbox.ReadAsync(chain, 10)).Count);
    }

    [Fact]
    public async Task Concurrent_events_of_a_chain_are_each_accepted_once_and_a_duplicate_among_them_alone_is_refused()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            store.AcceptAsync(Tx(i == 29 ? "evt-3" : $"evt-{i}", Now.AddSeconds(i)), [StateChange.Create($"job|job_{i}", new JsonObject())])));

        Assert.Equal(AcceptOutcome.DuplicateEvent, outcomes[29]);
        Assert.All(outcomes[..29], o => Assert.Equal(AcceptOutcome.Accepted, o));
        Assert.Equal(29, (await outbox.ReadAsync(chain, 100)).Count);
        Assert.Null(await store.GetAsync(chain, "job|job_29"));
    }

    [Fact]
    public async Task The_outbox_reads_in_the_order_events_were_recorded_and_empties_when_removed()
    {
        await store.AcceptAsync(Tx("evt-late", Now.AddMinutes(5)), []);
        await store.AcceptAsync(Tx("evt-early", Now), []);
        await store.AcceptAsync(Tx("evt-middle", Now.AddMinutes(1)), []);

        var pending = await outbox.ReadAsync(chain, 10);
        Assert.Equal(["evt-early", "evt-middle", "evt-late"], pending.Select(p => p.Transaction.EventId));

        await outbox.RemoveAsync(chain, pending);
        Assert.Empty(await outbox.ReadAsync(chain, 10));
    }

    [Fact]
    public async Task Listing_a_prefix_returns_exactly_its_rows_in_key_order()
    {
        await store.PutAsync(chain, "job|b", new JsonObject { ["n"] = 2 });
        await store.PutAsync(chain, "job|a", new JsonObject { ["n"] = 1 });
        await store.PutAsync(chain, "jobs|c", new JsonObject { ["n"] = 3 });
        await store.PutAsync(chain, "contract|x", new JsonObject { ["n"] = 4 });
        await store.AcceptAsync(Tx("evt-1", Now), [StateChange.Create("job|c", new JsonObject { ["n"] = 5 })]);

        var rows = new List<(string RowKey, int N)>();
        await foreach (var (rowKey, row) in store.ListAsync(chain, "job|"))
        {
            rows.Add((rowKey, (int)row.Document["n"]!));
        }

        Assert.Equal([("job|a", 1), ("job|b", 2), ("job|c", 5)], rows);
    }

    [Fact]
    public async Task Listing_a_range_returns_the_rows_from_its_first_key_up_to_but_not_including_its_last()
    {
        foreach (var key in new[] { "due|2026-01-01|job_a", "due|2026-02-01|job_b", "due|2026-02-01|job_c", "due|2026-03-01|job_d" })
        {
            await store.PutAsync(chain, key, new JsonObject { ["key"] = key });
        }

        var keys = new List<string>();
        await foreach (var (rowKey, _) in store.ListAsync(chain, "due|2026-01-02", Keys.PrefixEnd("due|2026-02-01|")))
        {
            keys.Add(rowKey);
        }

        Assert.Equal(["due|2026-02-01|job_b", "due|2026-02-01|job_c"], keys);
        Assert.Equal("due|2026-03-01|job_d", (string?)(await store.FirstAsync(chain, "due|2026-02-02", "due|~"))?.Document["key"]);
        Assert.Null(await store.FirstAsync(chain, "due|2026-03-02", "due|~"));
    }

    [Fact]
    public async Task Put_and_delete_go_with_the_event_or_not_at_all()
    {
        await store.AcceptAsync(Tx("evt-1", Now), [StateChange.Create("job|job_1", new JsonObject { ["state"] = "raised" }), StateChange.Put("open|job_1", new JsonObject())]);
        var read = await store.GetAsync(chain, "job|job_1");

        var stale = await store.AcceptAsync(
            Tx("evt-2", Now.AddSeconds(1)),
            [StateChange.Replace("job|job_1", new JsonObject { ["state"] = "cancelled" }, "W/\"datetime'2001-01-01T00%3A00%3A00.0000000Z'\""), StateChange.Delete("open|job_1"), StateChange.Put("closed|job_1", new JsonObject())]);
        Assert.Equal(AcceptOutcome.StaleState, stale);
        Assert.NotNull(await store.GetAsync(chain, "open|job_1"));
        Assert.Null(await store.GetAsync(chain, "closed|job_1"));

        var accepted = await store.AcceptAsync(
            Tx("evt-3", Now.AddSeconds(2)),
            [StateChange.Replace("job|job_1", new JsonObject { ["state"] = "cancelled" }, read!.Version), StateChange.Delete("open|job_1"), StateChange.Put("closed|job_1", new JsonObject { ["n"] = 1 })]);
        Assert.Equal(AcceptOutcome.Accepted, accepted);
        Assert.Null(await store.GetAsync(chain, "open|job_1"));
        Assert.Equal(1, (int)(await store.GetAsync(chain, "closed|job_1"))!.Document["n"]!);
    }

    [Fact]
    public async Task A_chain_with_an_event_waiting_past_the_grace_period_is_found_and_one_within_it_is_not()
    {
        await store.AcceptAsync(Tx("evt-old", Now), [StateChange.Create("job|job_1", new JsonObject())]);

        Assert.True(await outbox.HasWaitingAsync(chain, Now.AddSeconds(1)));
        Assert.False(await outbox.HasWaitingAsync(chain, Now));
        Assert.False(await outbox.HasWaitingAsync(Identifier.New("asc"), Now.AddSeconds(1)));
    }

    private LedgerTransaction Tx(string eventId, DateTimeOffset recordedAt) =>
        new("job.accepted", chain, eventId, recordedAt, recordedAt, "supplier:sup_1", "job_1", []);
}
