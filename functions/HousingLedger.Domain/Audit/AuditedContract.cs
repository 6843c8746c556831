using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// A contract as the exports record it: its terms (from <c>contract.registered</c> or <c>contract.joined</c>, whose
/// hash matched) and every association the exports show holding it — its owner and each member that joined.
/// </summary>
public sealed class AuditedContract
{
    private readonly HashSet<AssociationId> holders = [];

    internal AuditedContract(ContractId contractId, ContractTerms terms, string termsHash)
    {
        ContractId = contractId;
        Terms = terms;
        TermsHash = termsHash;
    }

    public ContractId ContractId { get; }

    public ContractTerms Terms { get; }

    /// <summary>The SHA-256 of the canonical terms, as recorded beside them.</summary>
    public string TermsHash { get; }

    /// <summary>
    /// The owner and every member any export names. The owner's chain records every member's joining, so with the
    /// owner's export given this is every holder; with only members' exports it is the owner and those members.
    /// </summary>
    public IReadOnlySet<AssociationId> Holders => holders;

    internal void AddHolder(AssociationId holder) => holders.Add(holder);
}
