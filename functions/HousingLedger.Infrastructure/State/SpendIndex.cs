using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HousingLedger.Fees;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Spend;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// What each settled job cost, by month, for <c>GET /api/spend</c> and a supplier's spend by month: one row
/// <c>spend|{YYYY-MM}|{jobId}</c> a settled job, in the association's partition, written in the transaction that
/// records its <c>job.settled</c> (<see cref="SettlementStore.JobSettled"/>), so it is there exactly once for every
/// job settled. The month leads the key, so a range of months is one key range: a read costs the jobs settled in
/// the months asked for, never the association's whole history.
/// </summary>
public sealed class SpendIndex(StateStore state)
{
    private const string Prefix = "spend|";

    /// <summary>The association's settled jobs in the months [<paramref name="from"/>, <paramref name="through"/>], month by month.</summary>
    public async IAsyncEnumerable<JobSpend> ListAsync(
        AssociationId associationId, StatementMonth from, StatementMonth through, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, MonthPrefix(from), Keys.PrefixEnd(MonthPrefix(through)), cancellationToken))
        {
            yield return Read(row.Document);
        }
    }

    /// <summary>The row to write with a job's <c>job.settled</c>.</summary>
    internal static StateChange Change(JobSpend spend) => StateChange.Create(MonthPrefix(spend.Month) + spend.JobId.Value, new JsonObject
    {
        ["month"] = spend.Month.ToString(),
        ["jobId"] = spend.JobId.Value,
        ["supplierId"] = spend.SupplierId.Value,
        ["contractId"] = spend.ContractId.Value,
        ["listPrice"] = spend.ListPrice.Pence,
        ["discounted"] = spend.Discounted.Pence,
        ["penalised"] = spend.Penalised.Pence,
        ["net"] = spend.Net.Pence,
        ["vat"] = spend.Vat.Pence,
    });

    /// <exception cref="InvalidDataException">The row is not one <see cref="Change"/> writes.</exception>
    private static JobSpend Read(JsonObject row) =>
        StatementMonth.TryParse((string?)row["month"], out var month)
            ? new JobSpend(
                month, TypedId.Parse<JobId>((string)row["jobId"]!), TypedId.Parse<SupplierId>((string)row["supplierId"]!), TypedId.Parse<ContractId>((string)row["contractId"]!),
                Pence(row, "listPrice"), Pence(row, "discounted"), Pence(row, "penalised"), Pence(row, "net"), Pence(row, "vat"))
            : throw new InvalidDataException($"A spend row names no month: {row.ToJsonString()}");

    private static Money Pence(JsonObject row, string name) => Money.FromPence((long)row[name]!);

    private static string MonthPrefix(StatementMonth month) => Prefix + month + "|";
}
