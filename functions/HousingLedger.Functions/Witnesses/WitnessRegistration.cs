using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Witnesses;

/// <summary>
/// An association registers the witness it runs on its own machine, by the witness's public verifier key only: the
/// private key never reaches the service. The registration is recorded on the association's chain
/// (<c>witness.registered</c>) under an event id derived from the key, so registering again records nothing twice.
/// </summary>
public sealed class WitnessRegistration(DirectoryStore directory, EventIntake intake)
{
    public async Task<WitnessRegistered> RegisterAsync(AssociationId associationId, CosignerKey witness, CancellationToken cancellationToken)
    {
        if (!await directory.TryRegisterWitnessAsync(witness, associationId, cancellationToken))
        {
            return new WitnessRegistered.TakenByAnother();
        }

        var eventId = TypedId.Parse<EventId>("witness_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(witness.ToVerifierKey())))[..40]);
        var data = new JsonObject { ["name"] = witness.Name, ["verifierKey"] = witness.ToVerifierKey() };
        var tx = intake.NewTransaction("witness.registered", associationId.Value, eventId, null, "association:" + associationId, witness.Name, data);
        await intake.AcceptAsync(tx, [], cancellationToken);
        return new WitnessRegistered.Registered(eventId);
    }
}

/// <summary>How registering a witness ended.</summary>
public abstract record WitnessRegistered
{
    private WitnessRegistered()
    {
    }

    /// <summary>Registered, now or before, under <paramref name="EventId"/> on the association's chain.</summary>
    public sealed record Registered(EventId EventId) : WitnessRegistered;

    /// <summary>Another association registered this witness key.</summary>
    public sealed record TakenByAnother : WitnessRegistered;
}
