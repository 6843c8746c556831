using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>The OpenAPI document describes every route an integrator can call.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class OpenApiTests(AzuriteFixture azurite) : ServiceTest(azurite)
{

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }


    [Theory]
    [InlineData("/api/associations", "post")]
    [InlineData("/api/suppliers", "post")]
    [InlineData("/api/contracts", "post")]
    [InlineData("/api/contracts/{contractId}", "get")]
    [InlineData("/api/contracts/{contractId}/members", "post")]
    [InlineData("/api/settlements", "post")]
    [InlineData("/api/payment-batches", "get")]
    [InlineData("/api/payment-batches/{batchId}", "get")]
    [InlineData("/api/payment-batches/{batchId}/files/{name}", "get")]
    [InlineData("/api/jobs", "post")]
    [InlineData("/api/jobs/{jobId}", "get")]
    [InlineData("/api/jobs/{jobId}/approval", "post")]
    [InlineData("/api/webhooks/suppliers/{supplierId}", "post")]
    [InlineData("/api/ledger/{chain}/head", "get")]
    [InlineData("/api/ledger/{chain}/blocks", "get")]
    [InlineData("/api/ledger/{chain}/export", "get")]
    [InlineData("/api/ledger/{chain}/verify", "get")]
    [InlineData("/api/ledger/{chain}/receipts/{eventId}", "get")]
    [InlineData("/api/ledger/{chain}/checkpoint", "get")]
    [InlineData("/api/.well-known/jwks.json", "get")]
    public async Task The_document_describes_the_route(string path, string method)
    {
        var document = await Api.JsonAsync(HttpMethod.Get, "/api/openapi.json", null, expect: HttpStatusCode.OK);

        var operation = document["paths"]?[path]?[method];

        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document; it has {string.Join(", ", document["paths"]!.AsObject().Select(p => p.Key))}");
    }

    [Fact]
    public async Task Routes_that_take_a_body_describe_it()
    {
        var document = await Api.JsonAsync(HttpMethod.Get, "/api/openapi.json", null, expect: HttpStatusCode.OK);

        var withoutBody = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key == "post").Select(o => (Path: p.Key, Operation: o.Value!)))
            .Where(p => p.Operation["requestBody"] is null)
            .Select(p => p.Path)
            .ToList();

        Assert.True(withoutBody.Count == 0, "POST routes with no request body in the document: " + string.Join(", ", withoutBody));
    }
}
