using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using static HousingLedger.Functions.Tests.Parties.BankDetailsApi;

namespace HousingLedger.Functions.Tests.Parties;

/// <summary>
/// <c>GET /api/bank-details-changes</c> tells an association which suppliers' changed details it has yet to confirm:
/// exactly the changes settlement holds its jobs for, each association for itself.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PendingBankDetailsChangesTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task Each_holder_sees_the_change_in_force_until_it_confirms_it()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var stranger = await Api.OnboardAssociationAsync("Elsewhere Homes");
        Assert.Empty(await PendingAsync(setup.Owner));

        var first = (string)(await ChangedAsync(Api, setup.Supplier.SupplierId, Bank("20-30-40", "87654321")))["eventId"]!;
        var pending = Assert.Single(await PendingAsync(setup.Owner));
        Assert.Equal(setup.Supplier.SupplierId, (string)pending["supplierId"]!);
        Assert.Equal(first, (string)pending["changeEventId"]!);
        Assert.False(string.IsNullOrEmpty((string?)pending["supplierName"]));
        Assert.Equal(first, (string)Assert.Single(await PendingAsync(setup.Member))["changeEventId"]!);
        Assert.Empty(await PendingAsync(stranger));

        using (var confirmed = await ConfirmAsync(Api, setup.Owner.ApiKey, setup.Supplier.SupplierId, first))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        Assert.Empty(await PendingAsync(setup.Owner));
        Assert.Equal(first, (string)Assert.Single(await PendingAsync(setup.Member))["changeEventId"]!);

        // A later change replaces the earlier one: only the change in force is offered, to both.
        var second = (string)(await ChangedAsync(Api, setup.Supplier.SupplierId, Bank("20-30-41", "11223344")))["eventId"]!;
        Assert.Equal(second, (string)Assert.Single(await PendingAsync(setup.Owner))["changeEventId"]!);
        Assert.Equal(second, (string)Assert.Single(await PendingAsync(setup.Member))["changeEventId"]!);
    }

    [Fact]
    public async Task Finance_reads_the_list_and_an_auditor_may_not()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var (finance, _) = await Api.IssueKeyAsync(setup.Owner, "finance");
        var (auditor, _) = await Api.IssueKeyAsync(setup.Owner, "auditor");
        await ChangedAsync(Api, setup.Supplier.SupplierId, Bank());

        Assert.Single(await PendingAsync(finance));
        Assert.Equal(HttpStatusCode.Forbidden, await Api.StatusAsync(HttpMethod.Get, "/api/bank-details-changes", auditor.ApiKey));
    }

    private async Task<List<JsonObject>> PendingAsync(Association association) =>
        [.. (await Api.JsonAsync(HttpMethod.Get, "/api/bank-details-changes", association.ApiKey, expect: HttpStatusCode.OK))["changes"]!.AsArray().Select(change => change!.AsObject())];
}
