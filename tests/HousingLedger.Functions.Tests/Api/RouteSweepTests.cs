using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// Every route, fed the kinds of bad input that arrive from outside, answers a 4xx RFC 9457 problem: never a 500,
/// never a bare status. (What each refusal names, and that it stores nothing, is pinned in BadInputTests.)
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class RouteSweepTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private const string Admin = "{admin}";
    private const string Operator = "{operator}";

    private static readonly string[] HostileIds =
    [
        "x'y", "x%27%20or%20PartitionKey%20ne%20%27", "a%20eq%20b", "..%2F..%2Fsecrets", new string('a', 65), "a%0Ab",
    ];

    private Association association = null!;
    private string jobId = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        jobId = await Api.RaiseJobAsync(association, await Api.RegisterContractAsync(association, supplier.SupplierId));
    }


    public static TheoryData<string, string> PostRoutes => new()
    {
        { "/api/associations", Operator },
        { "/api/suppliers", Operator },
        { "/api/contracts", Admin },
        { "/api/jobs", Admin },
        { "/api/jobs/{job}/approval", Admin },
        { "/api/keys", Admin },
    };

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Every_post_route_refuses_malformed_bodies_with_a_problem(string route, string key)
    {
        var bodies = new (string Body, string ContentType)[]
        {
            ("{", "application/json"),
            ("[]", "application/json"),
            ("null", "application/json"),
            ("\"text\"", "application/json"),
            ("{}", "application/json"),
            ("{\"name\": 12, \"decision\": 12, \"contractId\": 12, \"title\": 12}", "application/json"),
            ("{\"a\": \"\\ud800\"}", "application/json"),
            ("{\"\\ud800\": 1, \"name\": \"x\"}", "application/json"),
            ("{\"name\":\"x\"}", "text/plain"),
            ("{\"padding\":\"" + new string('x', 300 * 1024) + "\"}", "application/json"),
            (new string('[', 100) + new string(']', 100), "application/json"),
        };
        foreach (var (body, contentType) in bodies)
        {
            using var response = await Api.SendAsync(HttpMethod.Post, Route(route), KeyFor(key), body, contentType);
            await AssertProblemAsync(response, $"POST {route} with {Describe(body)} as {contentType}");
        }
    }

    [Theory]
    [InlineData("/api/jobs/{id}")]
    [InlineData("/api/contracts/{id}")]
    [InlineData("/api/jobs/{id}/approval")]
    [InlineData("/api/ledger/{id}/head")]
    [InlineData("/api/ledger/{id}/verify")]
    [InlineData("/api/ledger/{id}/export")]
    [InlineData("/api/ledger/{id}/checkpoint")]
    [InlineData("/api/ledger/{id}/consistency")]
    [InlineData("/api/ledger/{chain}/receipts/{id}")]
    [InlineData("/api/webhooks/suppliers/{id}")]
    public async Task Every_route_with_an_id_refuses_hostile_ids_with_a_problem(string route)
    {
        foreach (var id in HostileIds)
        {
            var path = route.Replace("{chain}", association.AssociationId, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);
            var method = route.EndsWith("approval", StringComparison.Ordinal) || route.Contains("webhooks", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
            using var response = await Api.SendAsync(method, path, association.ApiKey, method == HttpMethod.Post ? "{\"decision\":\"approved\"}" : null);
            await AssertProblemAsync(response, $"{method} {path}");
        }
    }

    [Theory]
    [InlineData("from=abc")]
    [InlineData("from=-1")]
    [InlineData("from=5&to=2")]
    [InlineData("from=0&to=100000")]
    [InlineData("from=99999999999999999999")]
    public async Task Block_ranges_out_of_bounds_are_refused_with_a_problem(string query)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/blocks?{query}", association.ApiKey);
        await AssertProblemAsync(response, "blocks?" + query);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused_with_a_problem_naming_the_header()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/associations", ServiceHost.OperatorKey, "{}", headers: new Dictionary<string, string>
        {
            ["Idempotency-Key"] = "not a valid key!",
        });
        var problem = await AssertProblemAsync(response, "bad Idempotency-Key");
        Assert.NotNull(problem["errors"]?["Idempotency-Key"]);
    }

    [Fact]
    public async Task An_association_key_cannot_use_operator_routes()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/associations", association.ApiKey, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertProblemAsync(response, "association key onboarding");
    }

    private string Route(string route) => route.Replace("{job}", jobId, StringComparison.Ordinal);

    private string KeyFor(string key) => key == Operator ? ServiceHost.OperatorKey : association.ApiKey;

    private static string Describe(string body) => body.Length > 40 ? body[..40] + "…" : body;

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: expected a 4xx, got {status}: {(text.Length > 300 ? text[..300] : text)}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {status} came as {response.Content.Headers.ContentType}, not a problem: {text}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }
}
