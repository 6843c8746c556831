using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>The OpenAPI document describes every HTTP function an integrator can call, and nothing that is not one.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class OpenApiTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Of(typeof(StandaloneHost).Assembly);

    [Fact]
    public async Task Every_HTTP_function_is_in_the_document_with_its_route_and_method_and_nothing_else_is()
    {
        var document = await Api.JsonAsync(HttpMethod.Get, "/api/openapi.json", null, expect: HttpStatusCode.OK);
        var functions = Catalog.Http.SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} /{HttpFunctionEndpoints.RoutePrefix}/{f.Route} ({f.Name})"));

        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key} ({op.Value!["operationId"]})"));

        Assert.Equal(functions.Order(StringComparer.Ordinal), described.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Routes_that_take_a_body_describe_it()
    {
        var document = await Api.JsonAsync(HttpMethod.Get, "/api/openapi.json", null, expect: HttpStatusCode.OK);

        var withoutBody = Operations(document)
            .Where(o => o.Method == "post" && o.Operation["requestBody"] is null)
            .Select(o => o.Path)
            .ToList();

        Assert.True(withoutBody.Count == 0, "POST routes with no request body in the document: " + string.Join(", ", withoutBody));
    }

    [Fact]
    public async Task Every_operation_says_how_it_is_authenticated_and_every_schema_it_names_exists()
    {
        var document = await Api.JsonAsync(HttpMethod.Get, "/api/openapi.json", null, expect: HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => "#/components/schemas/" + s.Key).ToHashSet(StringComparer.Ordinal);

        var withoutSecurity = Operations(document).Where(o => o.Operation["security"] is null).Select(o => o.Path).ToList();
        var dangling = References(document).Where(r => !schemas.Contains(r)).Distinct().ToList();

        Assert.True(withoutSecurity.Count == 0, "Operations that do not say whether they need an API key: " + string.Join(", ", withoutSecurity));
        Assert.True(dangling.Count == 0, "Schemas named but not defined: " + string.Join(", ", dangling));
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(m => m.Key == "$ref" ? [(string)m.Value!] : References(m.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}
