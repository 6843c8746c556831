using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Ledger;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Reading and checking a chain: its head, blocks, a JSON-lines export, a full verification, a receipt per event,
/// a signed checkpoint and (in the other part of this class) consistency proofs between checkpoints. An association
/// reads its own chain; the operator reads any. Anything else is 404.
/// </summary>
public sealed partial class LedgerApi(ApiGate gate, TableLedgerStore ledger, SigningKeyRegistry keys, ISigningKey signingKey, Checkpoints checkpoints)
{
    private const int MaxBlocksPerPage = 100;
    private static readonly ApiAccess Readers = ApiAccess.Keys(ApiRole.Operator, ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor);

    [Function("LedgerHead")]
    public Task<IResult> LedgerHead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/head")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await HeadAsync(chain, request.HttpContext, cancellationToken));

    [Function("LedgerBlocks")]
    public Task<IResult> LedgerBlocks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/blocks")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await BlocksAsync(chain, request.HttpContext, cancellationToken));

    [Function("LedgerExport")]
    public Task<IResult> LedgerExport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/export")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await ExportAsync(chain, request.HttpContext, cancellationToken));

    [Function("LedgerVerify")]
    public Task<IResult> LedgerVerify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/verify")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await VerifyAsync(chain, request.HttpContext, cancellationToken));

    [Function("LedgerReceipt")]
    public Task<IResult> LedgerReceipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/receipts/{eventId}")] HttpRequest request, string chain, string eventId,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await ReceiptAsync(chain, eventId, request.HttpContext, cancellationToken));

    [Function("LedgerCheckpoint")]
    public Task<IResult> LedgerCheckpoint(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/{chain}/checkpoint")] HttpRequest request, string chain, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await CheckpointAsync(chain, cancellationToken));

    [Function("Jwks")]
    public Task<IResult> Jwks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/jwks.json")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Anyone, async () => await JwksAsync(cancellationToken));

    private async Task<Results<Ok<HeadView>, ProblemHttpResult>> HeadAsync(string chain, HttpContext context, CancellationToken cancellationToken)
    {
        if (!MayRead(context, chain))
        {
            return NoChain(chain);
        }

        var head = await ledger.GetHeadAsync(chain, cancellationToken);
        return head is null
            ? TypedResults.Ok(new HeadView(chain, -1, null, 0))
            : TypedResults.Ok(new HeadView(chain, head.Head.Height, head.Head.BlockHash, head.Head.TxCount));
    }

    private async Task<Results<Ok<BlocksPage>, ProblemHttpResult>> BlocksAsync(string chain, HttpContext context, CancellationToken cancellationToken)
    {
        if (!MayRead(context, chain))
        {
            return NoChain(chain);
        }

        var query = QueryParameters.Of(context.Request);
        var from = query.Height("from");
        var to = query.Height("to");
        if (!query.IsValid)
        {
            return Problems.Invalid(query.Errors);
        }

        var first = from ?? 0;
        var last = to ?? first + MaxBlocksPerPage - 1;
        if (first < 0 || last < first || last - first >= MaxBlocksPerPage)
        {
            return Problems.Invalid(first < 0 ? "from" : "to", $"asks for heights {first}–{last}; ask for 1–{MaxBlocksPerPage} blocks from height 0 up");
        }

        var blocks = new List<JsonObject>();
        await foreach (var block in ledger.ReadBlocksAsync(chain, first, last, cancellationToken))
        {
            blocks.Add(block.ToJson());
        }

        return TypedResults.Ok(new BlocksPage(chain, first, last, blocks));
    }

    private async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(string chain, HttpContext context, CancellationToken cancellationToken)
    {
        if (!MayRead(context, chain))
        {
            return NoChain(chain);
        }

        var response = context.Response;
        response.ContentType = "application/jsonl; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{chain}.jsonl\"";
        await foreach (var block in ledger.ReadBlocksAsync(chain, cancellationToken: cancellationToken))
        {
            await response.WriteAsync(block.ToExportLine() + "\n", Encoding.UTF8, cancellationToken);
        }

        return TypedResults.Empty;
    }

    private async Task<Results<Ok<JsonObject>, ProblemHttpResult>> VerifyAsync(string chain, HttpContext context, CancellationToken cancellationToken)
    {
        if (!MayRead(context, chain))
        {
            return NoChain(chain);
        }

        var published = (await keys.ListAsync(cancellationToken)).ToDictionary(k => k.KeyId, StringComparer.Ordinal);
        using var verifier = new ChainVerifier(chain, kid => published.GetValueOrDefault(kid));
        try
        {
            await foreach (var block in ledger.ReadBlocksAsync(chain, cancellationToken: cancellationToken))
            {
                if (!verifier.Add(block))
                {
                    break;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // A row that no longer parses was altered outside the service: that block fails verification.
            var sofar = verifier.Result;
            return TypedResults.Ok((sofar with { Failure = new ChainVerificationFailure(sofar.Blocks, null, ex.Message) }).ToJson());
        }

        return TypedResults.Ok(verifier.Result.ToJson());
    }

    private async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReceiptAsync(string chain, string eventId, HttpContext context, CancellationToken cancellationToken)
    {
        if (!MayRead(context, chain))
        {
            return NoChain(chain);
        }

        var location = Identifier.IsValid(eventId) ? await ledger.FindEventAsync(chain, eventId, cancellationToken) : null;
        var block = location is null ? null : await ledger.GetBlockAsync(chain, location.Height, cancellationToken);
        return block is null
            ? Problems.NotFound($"No event '{eventId}' is on chain '{chain}' (yet: accepted events reach the chain within seconds).")
            : TypedResults.Ok(Receipt.For(block, location!.Index).ToJson());
    }

    private async Task<Results<ContentHttpResult, ProblemHttpResult>> CheckpointAsync(string chain, CancellationToken cancellationToken) =>
        MayReadTreeHashes(chain)
            ? TypedResults.Text(await checkpoints.GetAsync(chain, cancellationToken), "text/plain; charset=utf-8")
            : NoChain(chain);

    private async Task<Ok<JsonObject>> JwksAsync(CancellationToken cancellationToken)
    {
        // The current key is published before it signs anything, so a block can always be checked.
        await keys.RecordAsync(await signingKey.GetPublicKeyAsync(cancellationToken), cancellationToken);
        var jwks = new JsonArray([.. (await keys.ListAsync(cancellationToken)).Select(k => (JsonNode)k.ToJwk())]);
        return TypedResults.Ok(new JsonObject { ["keys"] = jwks });
    }

    private static bool MayRead(HttpContext context, string chain) => Identifier.IsValid(chain) && context.Caller().MayRead(chain);

    // Checkpoints and consistency proofs hold only sizes and tree hashes, never a transaction: any association's key may
    // read them, since associations witness one another's chains (SPEC §14), which is how a service showing two
    // histories is caught.
    private static bool MayReadTreeHashes(string chain) => Identifier.IsValid(chain);

    private static ProblemHttpResult NoChain(string chain) => Problems.NotFound($"No chain '{chain}' that this key may read.");
}

public sealed record HeadView(string Chain, long Height, string? BlockHash, long TxCount);

public sealed record BlocksPage(string Chain, long From, long To, IReadOnlyList<JsonObject> Blocks);
