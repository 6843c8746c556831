using HousingLedger.Functions.Access;
using HousingLedger.Functions.Witnesses;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Witnessing: an association registers the witness it runs, and witnesses hand back the checkpoints they cosigned,
/// which the service then serves with their cosignatures (see <see cref="WitnessRegistration"/>, <see cref="CosignatureIntake"/>).
/// </summary>
public sealed class WitnessApi(ApiGate gate, WitnessRegistration registration, CosignatureIntake intake)
{
    private static readonly string[] WitnessFields = ["verifierKey"];
    private static readonly string[] CosignatureFields = ["note"];
    private static readonly ApiAccess AnyAssociation = ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor);

    [Function("RegisterWitness")]
    public Task<IResult> RegisterWitness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "witness")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await RegisterAsync(request, cancellationToken));

    [Function("PostCosignatures")]
    public Task<IResult> PostCosignatures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ledger/{chain}/cosignatures")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, AnyAssociation, async () => await CosignAsync(request, chain, cancellationToken));

    private async Task<Results<Ok<WitnessView>, ProblemHttpResult>> RegisterAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, WitnessFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var text = fields.String("verifierKey", 512);
        var witness = text is null ? null : CosignerKey.Parse(text, out var reason) ?? Refuse(fields, reason);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        return await registration.RegisterAsync(request.HttpContext.CallingAssociation(), witness!, cancellationToken) switch
        {
            WitnessRegistered.Registered registered => TypedResults.Ok(new WitnessView(witness!.Name, witness.ToVerifierKey(), registered.EventId.Value)),
            _ => Problems.Conflict($"The witness key '{witness!.Name}' is registered by another association; a witness needs a key of its own."),
        };
    }

    private async Task<Results<Created<CosignaturesKept>, ProblemHttpResult>> CosignAsync(HttpRequest request, string chain, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, CosignatureFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var note = fields.Text("note");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        if (!TypedId.TryParse<AssociationId>(chain, out _))
        {
            return Problems.NotFound($"No chain '{chain}'.");
        }

        var kept = await intake.AcceptAsync(chain, note!, cancellationToken);
        return kept.IsValid
            ? TypedResults.Created($"/api/ledger/{chain}/checkpoint", new CosignaturesKept(chain, kept.Value.Checkpoint.TreeSize, kept.Value.Witnesses))
            : Problems.Invalid(kept.Errors);
    }

    private static CosignerKey? Refuse(RequestFields fields, string reason)
    {
        fields.Add(new FieldError("verifierKey", reason));
        return null;
    }
}

/// <summary>A witness as registered: its name, its verifier key, and the event that recorded it.</summary>
public sealed record WitnessView(string Name, string VerifierKey, string EventId);

/// <summary>The cosignatures kept for a chain's checkpoint, by witness name.</summary>
public sealed record CosignaturesKept(string Chain, long TreeSize, IReadOnlyList<string> Witnesses);
