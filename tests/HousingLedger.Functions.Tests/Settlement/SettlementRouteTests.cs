using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>Settlement's routes, fed hostile ids, bad bodies and the wrong keys: always a 4xx problem, never a 500.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SettlementRouteTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly string[] HostileIds = ["x'y", "x%27%20or%20PartitionKey%20ne%20%27", "a%20eq%20b", "..%2F..%2Fsecrets", new string('a', 65), "a%0Ab"];

    [Fact]
    public async Task Hostile_ids_in_batch_and_contract_routes_are_refused_with_a_problem()
    {
        var association = await Api.OnboardAssociationAsync();
        foreach (var id in HostileIds)
        {
            await AssertProblemAsync(HttpMethod.Get, $"/api/payment-batches/{id}", association.ApiKey, null, HttpStatusCode.NotFound);
            await AssertProblemAsync(HttpMethod.Get, $"/api/payment-batches/bat_1/files/{id}", association.ApiKey, null, HttpStatusCode.NotFound);
            await AssertProblemAsync(HttpMethod.Post, $"/api/contracts/{id}/members", association.ApiKey, """{"associationId":"asc_1"}""", HttpStatusCode.NotFound);
            await AssertProblemAsync(HttpMethod.Post, "/api/contracts/con_1/members", association.ApiKey, $$"""{"associationId":"{{Uri.UnescapeDataString(id)}}"}""", HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [InlineData("""{"asOf":"yesterday"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"asOf":"2026-01-01T00:00:00Z","extra":1}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("asOf=2026-01-01", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_bad_settlement_request_is_refused_with_a_problem(string body, string contentType, HttpStatusCode status)
    {
        var association = await Api.OnboardAssociationAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "/api/settlements", association.ApiKey, body, contentType);

        await AssertIsProblemAsync(response, status, $"POST /api/settlements {body} as {contentType}");
    }

    [Fact]
    public async Task Only_admins_and_the_operator_settle_and_the_operator_reads_no_association_batches()
    {
        using var anonymous = await Api.SendAsync(HttpMethod.Post, "/api/settlements", null);
        using var operatorBatches = await Api.SendAsync(HttpMethod.Get, "/api/payment-batches", ServiceHost.OperatorKey);

        await AssertIsProblemAsync(anonymous, HttpStatusCode.Unauthorized, "anonymous settlement");
        await AssertIsProblemAsync(operatorBatches, HttpStatusCode.Forbidden, "operator listing batches");
    }

    private async Task AssertProblemAsync(HttpMethod method, string path, string key, string? body, HttpStatusCode status)
    {
        using var response = await Api.SendAsync(method, path, key, body);
        await AssertIsProblemAsync(response, status, $"{method} {path}");
    }

    private static async Task AssertIsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: came as {response.Content.Headers.ContentType}, not a problem: {text}");
    }
}
