using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Functions.Contracts;

/// <summary>
/// An association registers a contract's terms with a registered supplier: canonicalised, hashed and recorded in
/// full on its chain (<c>contract.registered</c>, SPEC §4). Terms never change afterwards; a change is a new contract.
/// </summary>
public sealed class ContractRegistration(PartyStore parties, EventIntake intake)
{
    public async Task<ContractRegistered> RegisterAsync(AssociationId associationId, ContractTerms terms, EventId? eventId, CancellationToken cancellationToken)
    {
        if (await parties.GetSupplierAsync(terms.SupplierId, cancellationToken) is null)
        {
            return new ContractRegistered.Refused(new FieldError("supplierId", $"no supplier '{terms.SupplierId}' is registered"));
        }

        var contract = new HeldContract(TypedId.New<ContractId>(), associationId, terms.TermsHash, terms.ToCanonicalJson(), []);
        var data = new JsonObject { ["contractId"] = contract.ContractId.Value, ["termsHash"] = contract.TermsHash, ["terms"] = contract.Terms.DeepClone() };
        var tx = intake.NewTransaction("contract.registered", associationId.Value, eventId, null, "association:" + associationId, contract.ContractId.Value, data);
        return await intake.AcceptAsync(tx, [ContractStore.Held(contract)], cancellationToken) == AcceptOutcome.Accepted
            ? new ContractRegistered.Registered(contract.ContractId, contract.TermsHash, TypedId.Parse<EventId>(tx.EventId))
            : new ContractRegistered.Conflict($"The Idempotency-Key '{tx.EventId}' was used before for another event.");
    }
}

/// <summary>How registering a contract ended.</summary>
public abstract record ContractRegistered
{
    private ContractRegistered()
    {
    }

    public sealed record Registered(ContractId ContractId, string TermsHash, EventId EventId) : ContractRegistered;

    public sealed record Refused(FieldError Error) : ContractRegistered;

    public sealed record Conflict(string Reason) : ContractRegistered;
}
