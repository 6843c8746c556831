namespace HousingLedger.Functions.Api;

/// <summary>Names of chains and of the rows in a chain's state partition, in one place.</summary>
public static class Chains
{
    /// <summary>The operator's own chain: onboarding of associations and suppliers.</summary>
    public const string Operator = "operator";

    public static string AssociationRow(string associationId) => "association|" + associationId;

    public static string SupplierRow(string supplierId) => "supplier|" + supplierId;

    public static string ContractRow(string contractId) => "contract|" + contractId;

    public static string JobRow(string jobId) => "job|" + jobId;

    public static string WorkOrderRow(string jobId) => "workorder|" + jobId;

    /// <summary>Free text kept off the ledger (a dispute reason), by the event that committed to it.</summary>
    public static string FreeTextRow(string eventId) => "freetext|" + eventId;

    /// <summary>The start of the keys of a contract's jobs by approval time (see <c>ContractJobIndex</c>).</summary>
    public static string ContractJobsByApproval(string contractId) => "approval|" + contractId + "|";

    /// <summary>The start of the keys of a contract's jobs by deadline (see <c>ContractJobIndex</c>).</summary>
    public static string ContractJobsByDeadline(string contractId) => "deadline|" + contractId + "|";

    /// <summary>The start of the keys of a contract's jobs approved and not yet settled, by approval time (see <c>ContractJobIndex</c>).</summary>
    public static string ContractJobsPayable(string contractId) => "payable|" + contractId + "|";

    /// <summary>The start of every association row's key in the operator's partition, to list the associations.</summary>
    public const string AssociationRows = "association|";

    /// <summary>The start of every contract row's key, to list an association's contracts.</summary>
    public const string ContractRows = "contract|";

    /// <summary>The start of every job row's key, to list an association's jobs.</summary>
    public const string JobRows = "job|";

    /// <summary>The start of every settlement run row's key.</summary>
    public const string SettlementRunRows = "settlementrun|";

    /// <summary>The start of every payment batch row's key.</summary>
    public const string BatchRows = "batch|";

    /// <summary>One association's part of a settlement run: the batch it settles into, and how far it got.</summary>
    public static string SettlementRunRow(string runId) => SettlementRunRows + runId;

    /// <summary>A payment batch that was filed: where its files are, and its totals.</summary>
    public static string BatchRow(string batchId) => BatchRows + batchId;

    /// <summary>The start of the keys of the jobs settled into a batch.</summary>
    public static string SettledJobRows(string batchId) => "settled|" + batchId + "|";

    /// <summary>A job settled into a batch, written with its <c>job.settled</c> event, so the batch is gathered from them.</summary>
    public static string SettledJobRow(string batchId, string jobId) => SettledJobRows(batchId) + jobId;
}
