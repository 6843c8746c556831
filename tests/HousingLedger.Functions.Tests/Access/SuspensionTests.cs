using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Access;

/// <summary>
/// The operator lists the parties and suspends an association: every key of a suspended association is refused,
/// saying so, while the operator still reads its chain; lifting the suspension lets the keys in again. Both are
/// recorded on the operator's chain.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SuspensionTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private const string Operator = ServiceHost.OperatorKey;

    [Fact]
    public async Task A_suspended_associations_keys_are_refused_its_chain_stays_readable_by_the_operator_and_lifting_lets_them_in()
    {
        var association = await Api.OnboardAssociationAsync("Suspended Homes");
        var (finance, _) = await Api.IssueKeyAsync(association, "finance");

        var suspended = await Api.JsonAsync(HttpMethod.Post, $"/api/associations/{association.AssociationId}/suspension", Operator, expect: HttpStatusCode.OK);

        Assert.True((bool)suspended["suspended"]!);
        foreach (var key in new[] { association.ApiKey, finance.ApiKey })
        {
            var refused = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/head", key, expect: HttpStatusCode.Forbidden);
            Assert.Equal("urn:housingledger:problem:suspended", (string?)refused["type"]);
            Assert.Contains("suspended", (string)refused["detail"]!, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/verify", Operator));
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", Operator));
        Assert.True(await ListedAsSuspendedAsync(association));

        var lifted = await Api.JsonAsync(HttpMethod.Delete, $"/api/associations/{association.AssociationId}/suspension", Operator, expect: HttpStatusCode.OK);

        Assert.False((bool)lifted["suspended"]!);
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/head", finance.ApiKey));
        Assert.False(await ListedAsSuspendedAsync(association));
        var recorded = await OperatorTransactionsAsync(association.AssociationId, 3);
        Assert.Equal(["association.onboarded", "association.suspended", "association.reinstated"], recorded);
    }

    [Fact]
    public async Task Suspending_twice_lifting_what_is_not_suspended_and_an_unknown_association_are_refused_and_record_nothing()
    {
        var association = await Api.OnboardAssociationAsync("Twice Homes");
        var path = $"/api/associations/{association.AssociationId}/suspension";

        Assert.Equal(HttpStatusCode.Conflict, await Api.StatusAsync(HttpMethod.Delete, path, Operator));
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Post, path, Operator));
        Assert.Equal(HttpStatusCode.Conflict, await Api.StatusAsync(HttpMethod.Post, path, Operator));
        Assert.Equal(HttpStatusCode.NotFound, await Api.StatusAsync(HttpMethod.Post, "/api/associations/asc_nobody/suspension", Operator));
        Assert.Equal(HttpStatusCode.NotFound, await Api.StatusAsync(HttpMethod.Post, "/api/associations/x'y/suspension", Operator));
        var problem = await Api.JsonAsync(HttpMethod.Delete, path, Operator, """{"reason":"paid up"}""", HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?["reason"]);

        Assert.Equal(["association.onboarded", "association.suspended"], await OperatorTransactionsAsync(association.AssociationId, 2));
        Assert.True(await ListedAsSuspendedAsync(association));
    }

    [Fact]
    public async Task The_operator_lists_suppliers_without_their_secrets_or_bank_details()
    {
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/work-orders"));

        using var response = await Api.SendAsync(HttpMethod.Get, "/api/suppliers", Operator);
        var text = await response.Content.ReadAsStringAsync();

        var listed = JsonNode.Parse(text)!["suppliers"]!.AsArray().Single(s => (string)s!["supplierId"]! == supplier.SupplierId)!;
        Assert.Equal(("Acme Ovens Ltd", "http://127.0.0.1:9/work-orders"), ((string)listed["name"]!, (string)listed["workOrderUrl"]!));
        Assert.DoesNotContain("whsec_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", text, StringComparison.Ordinal);
    }

    private async Task<bool> ListedAsSuspendedAsync(Association association)
    {
        var listed = await Api.JsonAsync(HttpMethod.Get, "/api/associations", Operator, expect: HttpStatusCode.OK);
        var entry = listed["associations"]!.AsArray().Single(a => (string)a!["associationId"]! == association.AssociationId)!;
        return (bool)entry["suspended"]!;
    }

    /// <summary>The types of the operator chain's transactions about <paramref name="associationId"/>, once there are <paramref name="count"/>.</summary>
    private async Task<List<string>> OperatorTransactionsAsync(string associationId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<string> types;
        do
        {
            using var export = await Api.SendAsync(HttpMethod.Get, "/api/ledger/operator/export", Operator);
            types = [.. (await export.Content.ReadAsStringAsync())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(line => JsonNode.Parse(line)!["transactions"]!.AsArray())
                .Where(tx => (string)tx!["subject"]! == associationId)
                .Select(tx => (string)tx!["type"]!)];
            if (types.Count >= count)
            {
                return types;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return types;
    }
}
