using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Functions.Tests.Parties;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using HousingLedger.Witnessing;

namespace HousingLedger.Functions.Tests.Access;

/// <summary>
/// Every route, called by every kind of caller, about the caller's own association and about another's, answers as
/// docs/api.md's "Who may call what" says; another association's resource is refused exactly as one that does
/// not exist. The table, the requests below and the function catalogue must name the same routes, so a route added
/// without a documented answer for each role fails here.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class RouteRoleSweepTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Of(typeof(StandaloneHost).Assembly);

    private SweepTenant own = null!;
    private SweepTenant other = null!;
    private Association third = null!;

    /// <summary>A request a route is sent, about <c>Subject</c>'s resources, made for a caller of <c>Caller</c>'s association.</summary>
    private delegate Task<Call> Request(SweepTenant caller, SweepTenant subject);

    // The diagnostics route answers only where storage calls are counted.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:CountOperations"] = "true" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        own = await SweepTenant.CreateAsync(Api, "own");
        other = await SweepTenant.CreateAsync(Api, "other");
        third = await Api.OnboardAssociationAsync("Third Housing");
    }

    public override async Task DisposeAsync()
    {
        own?.Dispose();
        other?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public void The_table_the_requests_and_the_functions_name_the_same_routes()
    {
        var functions = Catalog.Http.SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} {f.Route}")).Order(StringComparer.Ordinal).ToList();
        var documented = RouteRoleTable.Read().Routes.Select(r => r.Operation).Order(StringComparer.Ordinal).ToList();

        Assert.True(functions.SequenceEqual(documented), Difference("docs/api.md's 'Who may call what'", functions, documented));
        Assert.True(functions.SequenceEqual(Requests().Keys.Order(StringComparer.Ordinal)), Difference("the sweep's requests", functions, Requests().Keys));
    }

    [Fact]
    public async Task Every_route_answers_every_caller_as_documented_and_another_associations_resource_as_one_that_does_not_exist()
    {
        var requests = Requests();
        var nowhere = SweepTenant.Nowhere();
        var failures = new List<string>();
        foreach (var route in RouteRoleTable.Read().Routes)
        {
            var request = requests[route.Operation];
            foreach (var caller in RouteRoleTable.Callers)
            {
                using var response = await SendAsync(await request(own, own), KeyOf(own, caller));
                Expect(failures, $"{route.Operation} by {caller}, about its own", route.Own[caller], response);
            }

            if (route.AnotherAssociations is not { } another)
            {
                continue;
            }

            foreach (var caller in RouteRoleTable.Callers.Where(c => c is not ("operator" or "none") && route.Own[c] < 300))
            {
                using var cross = await SendAsync(await request(own, other), KeyOf(own, caller));
                var what = $"{route.Operation} by {caller}, about another association's";
                if (Expect(failures, what, another, cross) && another >= 400)
                {
                    using var missing = await SendAsync(await request(own, nowhere), KeyOf(own, caller));
                    var (crossShape, missingShape) = (await ShapeAsync(cross), await ShapeAsync(missing));
                    if (crossShape != missingShape)
                    {
                        failures.Add($"{what}: answered {crossShape}, but one that does not exist {missingShape}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A well-formed request to each route, by the function catalogue's <c>METHOD route</c>.</summary>
    private Dictionary<string, Request> Requests() => new(StringComparer.Ordinal)
    {
        ["GET health"] = (_, _) => Get("/api/health"),
        ["GET openapi.json"] = (_, _) => Get("/api/openapi.json"),
        ["GET .well-known/jwks.json"] = (_, _) => Get("/api/.well-known/jwks.json"),
        ["GET diagnostics/storage-operations"] = (_, _) => Get("/api/diagnostics/storage-operations"),
        ["POST associations"] = (_, _) => Send(HttpMethod.Post, "/api/associations", """{"name":"Swept Homes","bank":{"sortCode":"20-00-00","accountNumber":"55779911","accountName":"Swept Homes"}}"""),
        ["GET associations"] = (_, _) => Get("/api/associations"),
        ["POST associations/{associationId}/suspension"] = async (_, _) => new Call(HttpMethod.Post, $"/api/associations/{(await Api.OnboardAssociationAsync("To suspend")).AssociationId}/suspension", null),
        ["DELETE associations/{associationId}/suspension"] = async (_, _) => new Call(HttpMethod.Delete, $"/api/associations/{await SuspendedAssociationAsync()}/suspension", null),
        ["POST suppliers"] = (_, _) => Send(HttpMethod.Post, "/api/suppliers", """{"name":"Swept Ovens","workOrderUrl":"http://127.0.0.1:9/unreachable","bank":{"sortCode":"401122","accountNumber":"12345678","accountName":"Swept Ovens"}}"""),
        ["GET suppliers"] = (_, _) => Get("/api/suppliers"),
        ["PUT suppliers/{supplierId}/bank-details"] = async (_, _) => new Call(
            HttpMethod.Put, $"/api/suppliers/{(await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"))).SupplierId}/bank-details", new JsonObject { ["bank"] = BankDetailsApi.Bank() }.ToJsonString()),
        ["POST suppliers/{supplierId}/bank-details/confirmations"] = async (_, subject) =>
        {
            var (supplierId, changeEventId) = await subject.FreshBankChangeAsync();
            return new Call(HttpMethod.Post, $"/api/suppliers/{supplierId}/bank-details/confirmations", new JsonObject { ["changeEventId"] = changeEventId }.ToJsonString());
        },
        ["GET bank-details-changes"] = (_, _) => Get("/api/bank-details-changes"),
        ["GET suppliers/{supplierId}/performance"] = (_, subject) => Get($"/api/suppliers/{subject.Supplier?.SupplierId ?? Identifier.New("sup")}/performance"),
        ["POST suppliers/{supplierId}/webhook-secret"] = async (_, _) =>
            new Call(HttpMethod.Post, $"/api/suppliers/{(await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"))).SupplierId}/webhook-secret", null),
        ["GET caller"] = (_, _) => Get("/api/caller"),
        ["POST keys"] = (_, _) => Send(HttpMethod.Post, "/api/keys", """{"name":"swept","role":"auditor"}"""),
        ["GET keys"] = (_, _) => Get("/api/keys"),
        ["DELETE keys/{keyId}"] = async (_, subject) => new Call(HttpMethod.Delete, $"/api/keys/{await subject.FreshKeyIdAsync()}", null),
        ["POST contracts"] = (caller, _) => Send(HttpMethod.Post, "/api/contracts", ApiClient.OvenContract(caller.Supplier!.SupplierId).ToJsonString()),
        ["GET contracts"] = (_, _) => Get("/api/contracts"),
        ["GET contracts/{contractId}"] = (_, subject) => Get($"/api/contracts/{subject.ContractId}"),
        ["POST contracts/{contractId}/members"] = async (_, subject) =>
            new Call(HttpMethod.Post, $"/api/contracts/{await subject.FreshContractIdAsync()}/members", new JsonObject { ["associationId"] = third.AssociationId }.ToJsonString()),
        ["POST jobs"] = (_, subject) => Send(HttpMethod.Post, "/api/jobs", $$"""{"contractId":"{{subject.ContractId}}","itemCode":"OVEN-600-SINGLE","quantity":1,"priority":"urgent","propertyRef":"UPRN-1"}"""),
        ["GET jobs"] = (_, _) => Get("/api/jobs?limit=100"),
        ["GET jobs/{jobId}"] = (_, subject) => Get($"/api/jobs/{subject.JobId}"),
        ["GET jobs/{jobId}/events/{eventId}/text"] = async (_, subject) =>
        {
            var (jobId, eventId) = await subject.DisputedWithReasonAsync();
            return new Call(HttpMethod.Get, $"/api/jobs/{jobId}/events/{eventId}/text", null);
        },
        ["POST jobs/{jobId}/erasure"] = async (_, subject) => new Call(HttpMethod.Post, $"/api/jobs/{(await subject.DisputedWithReasonAsync()).JobId}/erasure", null),
        ["POST jobs/{jobId}/approval"] = async (_, subject) => new Call(HttpMethod.Post, $"/api/jobs/{await subject.CompletedJobIdAsync()}/approval", """{"decision":"approved"}"""),
        ["POST webhooks/suppliers/{supplierId}"] = async (caller, subject) => Webhook(caller.Supplier!, await subject.RaisedJobIdAsync()),
        ["GET spend"] = (_, _) => Get("/api/spend"),
        ["POST settlements"] = (_, _) => Send(HttpMethod.Post, "/api/settlements", """{"asOf":"2001-01-01T00:00:00Z"}"""),
        ["GET fee-statements/{month}"] = (_, subject) => Get($"/api/fee-statements/{LastMonth}?associationId={subject.AssociationId}"),
        ["GET fee-statements/{month}/summary"] = (_, _) => Get($"/api/fee-statements/{LastMonth}/summary"),
        ["POST fee-statements/{month}/close"] = (caller, _) =>
            Send(HttpMethod.Post, $"/api/fee-statements/{LastMonth}/close", new JsonObject { ["associationId"] = caller.AssociationId }.ToJsonString()),
        ["GET payment-batches"] = (_, _) => Get("/api/payment-batches"),
        ["GET payment-batches/{batchId}"] = (_, subject) => Get($"/api/payment-batches/{subject.BatchId}"),
        ["GET payment-batches/{batchId}/files/{name}"] = (_, subject) => Get($"/api/payment-batches/{subject.BatchId}/files/remittance.csv"),
        ["GET ledger/{chain}/head"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/head"),
        ["GET ledger/{chain}/blocks"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/blocks?from=0&to=0"),
        ["GET ledger/{chain}/export"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/export"),
        ["GET ledger/{chain}/verify"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/verify"),
        ["GET ledger/{chain}/receipts/{eventId}"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/receipts/{subject.EventId}"),
        ["GET ledger/{chain}/checkpoint"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/checkpoint"),
        ["GET ledger/{chain}/consistency"] = (_, subject) => Get($"/api/ledger/{subject.AssociationId}/consistency?from=1"),
        ["POST ledger/{chain}/cosignatures"] = async (caller, subject) =>
            new Call(HttpMethod.Post, $"/api/ledger/{subject.AssociationId}/cosignatures", new JsonObject { ["note"] = await CosignedCheckpointAsync(caller, subject) }.ToJsonString()),
        ["PUT witness"] = (caller, _) => Send(HttpMethod.Put, "/api/witness", new JsonObject { ["verifierKey"] = caller.Witness!.Public.ToVerifierKey() }.ToJsonString()),
    };

    // A month that has ended, whose statement may be read and closed.
    private static string LastMonth => DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<Call> Get(string path) => Task.FromResult(new Call(HttpMethod.Get, path, null));

    private static Task<Call> Send(HttpMethod method, string path, string body) => Task.FromResult(new Call(method, path, body));

    private static Call Webhook(Supplier supplier, string jobId)
    {
        var body = ApiClient.SupplierEvent("job.accepted", jobId);
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var at = DateTimeOffset.UtcNow;
        return new Call(HttpMethod.Post, $"/api/webhooks/suppliers/{supplier.SupplierId}", body, new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = StandardWebhook.Sign(supplier.Secret, id, at, Encoding.UTF8.GetBytes(body)),
        });
    }

    private async Task<string> SuspendedAssociationAsync()
    {
        var association = await Api.OnboardAssociationAsync("To reinstate");
        await Api.JsonAsync(HttpMethod.Post, $"/api/associations/{association.AssociationId}/suspension", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);
        return association.AssociationId;
    }

    /// <summary>The subject's checkpoint as served, cosigned by the caller's registered witness.</summary>
    private async Task<string> CosignedCheckpointAsync(SweepTenant caller, SweepTenant subject)
    {
        using var served = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{subject.AssociationId}/checkpoint", caller.Keys["admin"]);
        var jwks = Jwks.FromJson(await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK)).Value.Keys;
        var decision = ChainWitness.Decide(subject.AssociationId, await served.Content.ReadAsStringAsync(), jwks, null, [], caller.Witness!, DateTimeOffset.UtcNow);
        return Assert.IsType<WitnessDecision.Cosigned>(decision).Note.ToNote();
    }

    private static string? KeyOf(SweepTenant tenant, string caller) => caller switch
    {
        "operator" => ServiceHost.OperatorKey,
        "none" => null,
        _ => tenant.Keys[caller],
    };

    private Task<HttpResponseMessage> SendAsync(Call call, string? key) => Api.SendAsync(call.Method, call.Path, key, call.Body, headers: call.Headers);

    private static bool Expect(List<string> failures, string what, int status, HttpResponseMessage response)
    {
        if ((int)response.StatusCode == status)
        {
            return true;
        }

        failures.Add($"{what}: expected {status}, got {(int)response.StatusCode}: {Shorten(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
        return false;
    }

    /// <summary>A refusal as a client can tell it apart: status, media type, problem type, title, and detail and errors with every id blanked.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();
        problem.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {ServiceId().Replace(problem.ToJsonString(), "{id}")}";
    }

    private static string Difference(string what, IEnumerable<string> functions, IEnumerable<string> named) =>
        $"Routes of functions missing from {what}: {string.Join(", ", functions.Except(named))}; named there but no function: {string.Join(", ", named.Except(functions))}.";

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // Every id the service makes: a kind prefix, '_' and 20 base32 characters (Identifier.New).
    [GeneratedRegex("[a-z]{3}_[a-z2-7]{20}")]
    private static partial Regex ServiceId();

    /// <summary>An HTTP request, less its key.</summary>
    private sealed record Call(HttpMethod Method, string Path, string? Body, IDictionary<string, string>? Headers = null);
}
