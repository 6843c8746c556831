using System.Diagnostics;
using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>An association's admin issues, lists and revokes the association's API keys (<see cref="KeyManagement"/>).</summary>
public sealed class KeysApi(ApiGate gate, KeyManagement keys)
{
    private const int MaxNameLength = 100;

    private static readonly string[] IssueFields = ["name", "role"];
    private static readonly ApiAccess Admins = ApiAccess.Keys(ApiRole.Admin);

    [Function("IssueApiKey")]
    public Task<IResult> IssueApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "keys")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Admins, async () => await IssueAsync(request, cancellationToken));

    [Function("ListApiKeys")]
    public Task<IResult> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "keys")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Admins, async () => TypedResults.Ok(new ApiKeyList(
            [.. (await keys.ListAsync(request.HttpContext.CallingAssociation(), cancellationToken)).Select(ApiKeyView.Of)])));

    [Function("RevokeApiKey")]
    public Task<IResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "keys/{keyId}")] HttpRequest request, string keyId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Admins, async () => await RevokeAsync(request, keyId, cancellationToken));

    private async Task<Results<Created<ApiKeyIssued>, ProblemHttpResult>> IssueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, IssueFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var name = fields.String("name", MaxNameLength);
        var role = fields.OneOf("role", ApiRoles.AssociationRoleNames);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        return await keys.IssueAsync(request.HttpContext.CallingAssociation(), name!, ApiRoles.Parse(role!)!.Value, cancellationToken) switch
        {
            KeyIssued.Issued issued => TypedResults.Created("/api/keys", new ApiKeyIssued(
                issued.Key.KeyId.Value, issued.Key.Name, issued.Key.Role, UtcTimestamp.Format(issued.Key.CreatedAt), issued.Secret)),
            KeyIssued.TooMany => Problems.Conflict($"The association holds {KeyManagement.MaxKeys} keys, the most it may; revoke one it no longer uses first."),
            KeyIssued.Contended => Contended(),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(HttpRequest request, string keyId, CancellationToken cancellationToken)
    {
        if (!TypedId.TryParse<ApiKeyId>(keyId, out var id))
        {
            return NoKey(keyId);
        }

        return await keys.RevokeAsync(request.HttpContext.CallingAssociation(), id, cancellationToken) switch
        {
            KeyRevoked.Revoked => TypedResults.NoContent(),
            KeyRevoked.NoKey => NoKey(keyId),
            KeyRevoked.LastAdmin => Problems.Of(ProblemType.Conflict, $"keyId: '{keyId}' is the association's only admin key; issue another admin key before revoking it.",
                [new FieldError("keyId", "is the association's only admin key; issue another admin key before revoking it")]),
            KeyRevoked.Contended => Contended(),
            _ => throw new UnreachableException(),
        };
    }

    private static ProblemHttpResult NoKey(string keyId) => Problems.NotFound($"No key '{keyId}'.");

    private static ProblemHttpResult Contended() => Problems.Conflict("The association's keys changed repeatedly while this was being done; send the request again.");
}

/// <summary>A key as its association lists it: never the key itself.</summary>
public sealed record ApiKeyView(string KeyId, string Name, string Role, string CreatedAt)
{
    public static ApiKeyView Of(IssuedKey key) => new(key.KeyId.Value, key.Name, key.Role, UtcTimestamp.Format(key.CreatedAt));
}

/// <summary>The answer to <c>GET /api/keys</c>: the association's live keys, oldest first.</summary>
public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Keys);

/// <summary>The answer to <c>POST /api/keys</c>: the key itself, shown this once.</summary>
public sealed record ApiKeyIssued(string KeyId, string Name, string Role, string CreatedAt, string ApiKey);
