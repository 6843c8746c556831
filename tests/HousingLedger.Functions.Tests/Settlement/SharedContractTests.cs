using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>An owner shares its contract: the member raises jobs under the same terms, and both chains record the join once.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SharedContractTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task A_member_raises_jobs_under_a_shared_contract_and_both_chains_hold_the_terms()
    {
        var (owner, member, contractId) = await TwoAssociationsAndAContractAsync();

        var shared = await ShareAsync(owner, contractId, member.AssociationId, HttpStatusCode.OK);
        var jobId = await Api.RaiseJobAsync(member, contractId);

        Assert.Equal([member.AssociationId], shared["members"]!.AsArray().Select(m => (string)m!));
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", member.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal(contractId, (string)job["contractId"]!);
        var memberCopy = await Api.JsonAsync(HttpMethod.Get, $"/api/contracts/{contractId}", member.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal(owner.AssociationId, (string)memberCopy["ownerId"]!);

        // The owner's chain: contract.registered and contract.joined; the member's: contract.joined and job.raised.
        await Api.WaitForChainAsync(owner, 2);
        await Api.WaitForChainAsync(member, 2);
        var joined = await JoinedTransactionsAsync(member);
        var only = Assert.Single(joined);
        Assert.Equal((string)memberCopy["termsHash"]!, (string)only["data"]!["termsHash"]!);
        Assert.True(JsonNode.DeepEquals(memberCopy["terms"], only["data"]!["terms"]), "the member's chain does not hold the full terms");
        Assert.Single(await JoinedTransactionsAsync(owner));
    }

    [Fact]
    public async Task Sharing_again_records_nothing_twice()
    {
        var (owner, member, contractId) = await TwoAssociationsAndAContractAsync();

        var first = await ShareAsync(owner, contractId, member.AssociationId, HttpStatusCode.OK);
        var again = await ShareAsync(owner, contractId, member.AssociationId, HttpStatusCode.OK);

        Assert.Equal((string)first["eventId"]!, (string)again["eventId"]!);
        Assert.Equal([member.AssociationId], again["members"]!.AsArray().Select(m => (string)m!));
        await Api.WaitForChainAsync(owner, 2);
        await Api.WaitForChainAsync(member, 1);
        await Task.Delay(500);
        Assert.Single(await JoinedTransactionsAsync(owner));
        Assert.Single(await JoinedTransactionsAsync(member));
    }

    [Fact]
    public async Task Only_the_owner_can_share_and_unknown_contracts_or_associations_are_not_found()
    {
        var (owner, member, contractId) = await TwoAssociationsAndAContractAsync();
        var third = await Api.OnboardAssociationAsync("Valley Homes");
        await ShareAsync(owner, contractId, member.AssociationId, HttpStatusCode.OK);

        await ShareAsync(member, contractId, third.AssociationId, HttpStatusCode.NotFound);
        await ShareAsync(third, contractId, member.AssociationId, HttpStatusCode.NotFound);
        await ShareAsync(owner, "con_nosuchcontract", third.AssociationId, HttpStatusCode.NotFound);
        await ShareAsync(owner, contractId, "asc_nosuchassociation", HttpStatusCode.NotFound);
        await ShareAsync(owner, contractId, owner.AssociationId, HttpStatusCode.BadRequest);

        using var raise = await Api.SendAsync(HttpMethod.Post, "/api/jobs", third.ApiKey, new JsonObject
        {
            ["contractId"] = contractId,
            ["itemCode"] = "OVEN-600-SINGLE",
            ["quantity"] = 1,
            ["priority"] = "urgent",
            ["propertyRef"] = "UPRN-1",
        }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, raise.StatusCode);
    }

    private async Task<(Association Owner, Association Member, string ContractId)> TwoAssociationsAndAContractAsync()
    {
        var owner = await Api.OnboardAssociationAsync("Riverside Homes");
        var member = await Api.OnboardAssociationAsync("Hillside Housing");
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        return (owner, member, await Api.RegisterContractAsync(owner, supplier.SupplierId));
    }

    private Task<JsonObject> ShareAsync(Association caller, string contractId, string memberId, HttpStatusCode expect) =>
        Api.JsonAsync(HttpMethod.Post, $"/api/contracts/{contractId}/members", caller.ApiKey, new JsonObject { ["associationId"] = memberId }.ToJsonString(), expect);

    private Task<List<JsonObject>> JoinedTransactionsAsync(Association association) => SettlementSetup.TransactionsAsync(Api, association, "contract.joined");
}
