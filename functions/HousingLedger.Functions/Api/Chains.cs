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
}
