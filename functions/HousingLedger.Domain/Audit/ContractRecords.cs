using HousingLedger.Contracts;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Reads <c>contract.registered</c> (on the owner's chain) and <c>contract.joined</c> (on the owner's and the
/// member's): the full terms, which must hash to the <c>termsHash</c> recorded beside them, and who holds the contract.
/// </summary>
internal static class ContractRecords
{
    public const string Registered = "contract.registered";

    public const string Joined = "contract.joined";

    /// <summary>Records the contract and its holders; adds it to <paramref name="heldHere"/>, the contracts this chain records.</summary>
    public static List<AuditFinding.Irregularity> Read(LedgerTransaction tx, ChainsUnderAudit chains, HashSet<ContractId> heldHere)
    {
        var read = LedgerDocument.Read(tx.Data, "data", null, fields => Read(fields, tx));
        if (!read.IsValid)
        {
            return Irregular.Each(tx, read.Errors);
        }

        var (contractId, terms, termsHash, holders) = read.Value;
        if (terms.TermsHash != termsHash)
        {
            return [Irregular.At(tx, "data.termsHash", $"recorded {termsHash}; the recorded terms hash to {terms.TermsHash}")];
        }

        if (!chains.ContractMap.TryGetValue(contractId, out var contract))
        {
            chains.ContractMap[contractId] = contract = new AuditedContract(contractId, terms, termsHash);
        }
        else if (contract.TermsHash != termsHash)
        {
            return [Irregular.At(tx, "data.termsHash", $"contract {contractId} has terms {contract.TermsHash} on another chain; found {termsHash}")];
        }

        foreach (var holder in holders)
        {
            contract.AddHolder(holder);
        }

        heldHere.Add(contractId);
        return [];
    }

    private static Contract? Read(JsonObjectReader fields, LedgerTransaction tx)
    {
        var contractId = fields.Identifier("contractId");
        var termsHash = fields.Hash("termsHash");
        var terms = Terms(fields);
        // A chain's name is an id, so the owner's chain names the owner; a joining names both.
        AssociationId?[] holders = tx.Type == Joined ? [Holder(fields, "ownerId"), Holder(fields, "memberId")] : [TypedId.Parse<AssociationId>(tx.Chain)];
        return fields.IsValid
            ? new Contract(TypedId.Parse<ContractId>(contractId!), terms!, termsHash!, [.. holders.Select(holder => holder!.Value)])
            : null;
    }

    private static ContractTerms? Terms(JsonObjectReader fields)
    {
        if (fields.Object("terms") is not { } body)
        {
            return null;
        }

        var parsed = ContractTermsParser.Parse(body);
        fields.AddRange(parsed.Errors.Select(error => error with { Field = fields.PathOf("terms") + "." + error.Field }));
        return parsed.IsValid ? parsed.Value : null;
    }

    private static AssociationId? Holder(JsonObjectReader fields, string name) =>
        fields.Identifier(name) is { } text ? TypedId.Parse<AssociationId>(text) : null;


    private sealed record Contract(ContractId ContractId, ContractTerms Terms, string TermsHash, IReadOnlyList<AssociationId> Holders);
}
