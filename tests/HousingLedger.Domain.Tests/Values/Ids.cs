namespace HousingLedger.Values;

/// <summary>Typed ids from the readable text the tests are written with.</summary>
internal static class Ids
{
    public static JobId Job(string text) => TypedId.Parse<JobId>(text);

    public static ContractId Contract(string text) => TypedId.Parse<ContractId>(text);

    public static SupplierId Supplier(string text) => TypedId.Parse<SupplierId>(text);

    public static AssociationId Association(string text) => TypedId.Parse<AssociationId>(text);
}
