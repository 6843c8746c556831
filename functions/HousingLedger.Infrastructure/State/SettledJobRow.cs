using System.Text.Json.Nodes;
using HousingLedger.Payments;
using HousingLedger.Settlement;
using HousingLedger.Suppliers;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// A job settled into a batch (<c>settled|{batchId}|{supplierId}|{jobId}</c>), written in the same transaction as its
/// <c>job.settled</c> event: the batch is gathered from these rows, so it holds exactly the jobs settled into it.
/// Each names the payee's bank details the run took its hold decision on (<see cref="Payee"/>), so the batch pays
/// those, and flags them, however late it is filed.
/// </summary>
public sealed record SettledJobRow(JobId JobId, SupplierId SupplierId, ContractId ContractId, string ItemCode, int Quantity, PriceBreakdown Price, PayeeBank Payee)
{
    public static SettledJobRow Of(SettledJob settled, PayeeBank payee) => new(
        settled.Job.JobId, settled.Job.SupplierId, settled.Job.ContractId, settled.Job.ItemCode, settled.Job.Quantity, settled.Price, payee);

    public JsonObject ToDocument() => new()
    {
        ["jobId"] = JobId.Value,
        ["supplierId"] = SupplierId.Value,
        ["contractId"] = ContractId.Value,
        ["itemCode"] = ItemCode,
        ["quantity"] = Quantity,
        ["price"] = Price.ToLedgerData(),
        ["payee"] = StoredPayee.Write([], Payee),
    };

    /// <exception cref="InvalidDataException">The stored price or payee is not one settlement writes.</exception>
    public static SettledJobRow FromDocument(JsonObject document)
    {
        var price = PriceBreakdown.FromLedgerData(document["price"]!.AsObject());
        if (!price.IsValid)
        {
            throw new InvalidDataException($"The settled job {document["jobId"]} holds a price settlement never writes: {string.Join("; ", price.Errors)}");
        }

        return new SettledJobRow(
            TypedId.Parse<JobId>((string)document["jobId"]!), TypedId.Parse<SupplierId>((string)document["supplierId"]!), TypedId.Parse<ContractId>((string)document["contractId"]!), (string)document["itemCode"]!, (int)document["quantity"]!, price.Value,
            StoredPayee.Read(document["payee"] as JsonObject ?? throw new InvalidDataException($"The settled job {document["jobId"]} names no payee details (written by an earlier build?).")));
    }

    public RemittanceLine ToRemittanceLine() =>
        new(JobId.Value, ContractId.Value, ItemCode, Quantity, Price.Gross, Price.DiscountRate, Price.PenaltyRate, Price.Net, Price.Vat);

    /// <summary>The <c>data</c> of the job's <c>job.settled</c>: the price as the ledger records it, and the batch that pays it.</summary>
    public JsonObject ToLedgerData(string batchId) => Price.ToLedgerData(batchId);
}
