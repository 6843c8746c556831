using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Contracts;

/// <summary>
/// The owner of a contract shares it with another association, which then raises jobs under the same terms and
/// pools its volume (SPEC §4). <c>contract.joined</c>, with the full terms and their hash, goes on the member's chain
/// and the owner's under one event id derived from the pair, so a retry records nothing twice and completes
/// whatever a failed attempt left undone.
/// </summary>
public sealed class ContractSharing(ContractStore contracts, PartyStore parties, EventIntake intake)
{
    private const int Attempts = 5;

    public async Task<ContractShared> ShareAsync(AssociationId ownerId, ContractId contractId, AssociationId memberId, CancellationToken cancellationToken)
    {
        var owned = await contracts.GetAsync(ownerId, contractId, cancellationToken);
        if (owned is null || owned.Contract.OwnerId != ownerId)
        {
            return new ContractShared.NoContract();
        }

        if (memberId == ownerId)
        {
            return new ContractShared.OwnerItself();
        }

        if (memberId.Value == OperatorChain.Name || await parties.GetAssociationAsync(memberId, cancellationToken) is null)
        {
            return new ContractShared.NoMember();
        }

        var eventId = TypedId.Parse<EventId>("join_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contractId.Value + "|" + memberId.Value)))[..40]);
        var contract = owned.Contract;
        var data = new JsonObject
        {
            ["contractId"] = contractId.Value,
            ["ownerId"] = ownerId.Value,
            ["memberId"] = memberId.Value,
            ["termsHash"] = contract.TermsHash,
            ["terms"] = contract.Terms.DeepClone(),
        };
        var actor = "association:" + ownerId;

        // The member's copy first: once the owner's row lists the member, settlement reads the member's jobs.
        var joined = intake.NewTransaction("contract.joined", memberId.Value, eventId, null, actor, contractId.Value, data.DeepClone().AsObject());
        await intake.AcceptAsync(joined, [ContractStore.Held(contract with { Members = [] })], cancellationToken);

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var next = owned.Contract with { Members = [.. owned.Contract.Members.Append(memberId).Distinct()] };
            var recorded = intake.NewTransaction("contract.joined", ownerId.Value, eventId, null, actor, contractId.Value, data.DeepClone().AsObject());
            if (await intake.AcceptAsync(recorded, [ContractStore.Updated(owned, next)], cancellationToken) != AcceptOutcome.StaleState)
            {
                var current = await contracts.GetAsync(ownerId, contractId, cancellationToken);
                return new ContractShared.Shared(eventId, current!.Contract.Members);
            }

            owned = (await contracts.GetAsync(ownerId, contractId, cancellationToken))!;
        }

        return new ContractShared.Busy();
    }
}

/// <summary>How sharing a contract ended.</summary>
public abstract record ContractShared
{
    private ContractShared()
    {
    }

    /// <summary>Shared (now, or before): every member it is shared with, and the event id of the join.</summary>
    public sealed record Shared(EventId EventId, IReadOnlyList<AssociationId> Members) : ContractShared;

    /// <summary>The caller owns no such contract.</summary>
    public sealed record NoContract : ContractShared;

    /// <summary>The association named is the owner.</summary>
    public sealed record OwnerItself : ContractShared;

    /// <summary>No association by that id.</summary>
    public sealed record NoMember : ContractShared;

    /// <summary>The contract changed on every attempt; sending the request again is safe.</summary>
    public sealed record Busy : ContractShared;
}
