using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// <c>GET /api/contracts</c>: the contracts the calling association holds, owned or joined, in id order, each as
/// <c>GET /api/contracts/{contractId}</c> answers it with its supplier's name; never another association's.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ContractListTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly Uri Unreachable = new("http://127.0.0.1:9/unreachable");

    [Fact]
    public async Task An_association_lists_the_contracts_it_owns_and_joined_with_their_suppliers_names_and_no_others()
    {
        var owner = await Api.OnboardAssociationAsync("Riverside Homes");
        var member = await Api.OnboardAssociationAsync("Hillside Housing");
        var stranger = await Api.OnboardAssociationAsync("Valley Homes");
        var ovens = await Api.RegisterSupplierAsync(Unreachable);
        var boilers = await Api.RegisterSupplierAsync(Unreachable, "Brook Boilers Ltd");
        var shared = await Api.RegisterContractAsync(owner, ovens.SupplierId);
        var own = await Api.RegisterContractAsync(member, boilers.SupplierId);
        var strangers = await Api.RegisterContractAsync(stranger, ovens.SupplierId);
        await Api.JsonAsync(
            HttpMethod.Post, $"/api/contracts/{shared}/members", owner.ApiKey, new JsonObject { ["associationId"] = member.AssociationId }.ToJsonString(), HttpStatusCode.OK);

        foreach (var role in new[] { "finance", "auditor" })
        {
            var (key, _) = await Api.IssueKeyAsync(member, role);
            var listed = await ListAsync(key.ApiKey);

            Assert.Equal(new[] { shared, own }.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("Acme Ovens Ltd", (string?)listed[shared]["supplierName"]);
            Assert.Equal("Brook Boilers Ltd", (string?)listed[own]["supplierName"]);
            foreach (var (contractId, contract) in listed)
            {
                await AssertListedAsReadAloneAsync(key.ApiKey, contractId, contract);
            }
        }

        var owners = await ListAsync(owner.ApiKey);
        Assert.Equal([shared], owners.Keys);
        Assert.Equal([member.AssociationId], owners[shared]["members"]!.AsArray().Select(m => (string)m!));
        await AssertListedAsReadAloneAsync(owner.ApiKey, shared, owners[shared]);
        Assert.DoesNotContain(strangers, (await ListAsync(member.ApiKey)).Keys);
    }

    [Fact]
    public async Task An_association_holding_no_contract_lists_none_and_the_operator_and_no_key_are_refused()
    {
        var association = await Api.OnboardAssociationAsync("Empty Homes");

        Assert.Empty(await ListAsync(association.ApiKey));
        Assert.Equal(HttpStatusCode.Forbidden, await Api.StatusAsync(HttpMethod.Get, "/api/contracts", ServiceHost.OperatorKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await Api.StatusAsync(HttpMethod.Get, "/api/contracts", null));
    }

    /// <summary>The listed contracts by id, once it is held that they are listed in id order.</summary>
    private async Task<Dictionary<string, JsonObject>> ListAsync(string key)
    {
        var answer = await Api.JsonAsync(HttpMethod.Get, "/api/contracts", key, expect: HttpStatusCode.OK);
        var contracts = answer["contracts"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var ids = contracts.Select(c => (string)c["contractId"]!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        return contracts.ToDictionary(c => (string)c["contractId"]!);
    }

    /// <summary>A listed contract is what <c>GET /api/contracts/{contractId}</c> answers, plus <c>supplierName</c>.</summary>
    private async Task AssertListedAsReadAloneAsync(string key, string contractId, JsonObject listed)
    {
        var alone = await Api.JsonAsync(HttpMethod.Get, $"/api/contracts/{contractId}", key, expect: HttpStatusCode.OK);
        var withoutName = listed.DeepClone().AsObject();
        Assert.True(withoutName.Remove("supplierName"), $"{contractId} is listed without supplierName");
        Assert.True(JsonNode.DeepEquals(alone, withoutName), $"listed {listed.ToJsonString()}, read alone {alone.ToJsonString()}");
    }
}
