using HousingLedger.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// <c>GET /api/ledger/{chain}/consistency?from=&amp;to=</c>: the RFC 9162 §2.1.4 consistency proof that the chain's
/// tree of <c>to</c> transactions (default: all of them) extends its tree of <c>from</c>, so a witness holding an
/// old checkpoint can check a new one. Empty when <c>from</c> is 0 or equals <c>to</c> (docs/ledger-format.md §10).
/// </summary>
public sealed partial class LedgerApi
{
    [Function("LedgerConsistency")]
    public Task<IResult> LedgerConsistency(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/consistency")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await ConsistencyAsync(chain, request, cancellationToken));

    private async Task<Results<Ok<ConsistencyView>, ProblemHttpResult>> ConsistencyAsync(string chain, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MayReadTreeHashes(chain))
        {
            return NoChain(chain);
        }

        var query = QueryParameters.Of(request);
        var from = query.RequiredHeight("from");
        var to = query.Height("to");
        if (!query.IsValid)
        {
            return Problems.Invalid(query.Errors);
        }

        var head = (await ledger.GetHeadAsync(chain, cancellationToken))?.Head;
        var treeSize = head?.TxCount ?? 0;
        var toSize = to ?? treeSize;
        if (OutOfRange(from!.Value, toSize, treeSize) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        // A chain with no block yet has only the empty tree, and from = to = 0 has the empty proof.
        var proof = head is null ? [] : await ledger.ConsistencyProofAsync(head, from.Value, toSize, cancellationToken);
        return TypedResults.Ok(new ConsistencyView(chain, from.Value, toSize, [.. proof.Select(Convert.ToHexStringLower)]));
    }

    private static List<FieldError> OutOfRange(long from, long to, long treeSize)
    {
        var errors = new List<FieldError>();
        if (from > treeSize)
        {
            errors.Add(Beyond("from", from));
        }

        if (to > treeSize)
        {
            errors.Add(Beyond("to", to));
        }

        if (errors.Count == 0 && from > to)
        {
            errors.Add(new FieldError("from", $"is {from}, above to = {to}; a proof goes from an older, smaller tree to a newer one"));
        }

        return errors;

        FieldError Beyond(string field, long size) => new(field, $"asks for tree size {size}, but the chain has {treeSize} transactions");
    }
}

/// <summary>The body of <c>GET /api/ledger/{chain}/consistency</c>: the proof's hashes in lowercase hex, in RFC 9162 order.</summary>
public sealed record ConsistencyView(string Chain, long From, long To, IReadOnlyList<string> Proof);
