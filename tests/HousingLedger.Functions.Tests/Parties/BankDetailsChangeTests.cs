using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.State;
using HousingLedger.Suppliers;
using HousingLedger.Testing;
using HousingLedger.Values;
using static HousingLedger.Functions.Tests.Parties.BankDetailsApi;

namespace HousingLedger.Functions.Tests.Parties;

/// <summary>
/// The operator changes a supplier's bank details: the change reaches the operator's chain and the chain of every
/// association holding a contract with the supplier, once, and only as a salted commitment.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class BankDetailsChangeTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private const string BankDetailsChangesType = "supplier.bankDetailsChanged";

    [Fact]
    public async Task A_change_is_recorded_once_on_the_operator_and_every_holders_chain_however_often_it_is_sent()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var bystander = await Api.OnboardAssociationAsync("Valley Homes");

        var first = await ChangedAsync(Api, setup.Supplier.SupplierId, Bank(), idempotencyKey: "change-1");
        var retried = await ChangedAsync(Api, setup.Supplier.SupplierId, Bank(), idempotencyKey: "change-1");
        var resent = await ChangedAsync(Api, setup.Supplier.SupplierId, Bank());

        Assert.Equal(
            new[] { "operator", setup.Owner.AssociationId, setup.Member.AssociationId }.Order(StringComparer.Ordinal),
            first["chains"]!.AsArray().Select(chain => (string)chain!).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(first, retried), $"a retry answered {retried}, not {first}");
        Assert.True(JsonNode.DeepEquals(first, resent), $"the details sent again answered {resent}, not {first}");

        var eventId = (string)first["eventId"]!;
        await Api.WaitForChainAsync(setup.Owner, 3);
        await Api.WaitForChainAsync(setup.Member, 2);
        await Task.Delay(500); // time for a second record to show, were there one
        foreach (var chain in new[] { Operator, setup.Owner, setup.Member })
        {
            // The operator's chain is every test's: other suppliers' changes are on it too.
            var changes = await SettlementSetup.TransactionsAsync(Api, chain, BankDetailsChangesType);
            var changed = Assert.Single(changes, change => (string)change["subject"]! == setup.Supplier.SupplierId);
            Assert.Equal(eventId, (string)changed["eventId"]!);
            Assert.Equal((string)first["bankDetailsCommitment"]!, (string)changed["data"]!["bankDetailsCommitment"]!);
            Assert.Equal(chain == Operator, changed["data"]!["chains"] is not null);
        }

        Assert.Empty(await SettlementSetup.TransactionsAsync(Api, bystander, BankDetailsChangesType));
    }

    [Fact]
    public async Task The_commitment_verifies_against_the_details_kept_off_the_ledger_and_the_chains_do_not_reveal_them()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var supplierId = TypedId.Parse<SupplierId>(setup.Supplier.SupplierId);

        var change = await ChangedAsync(Api, setup.Supplier.SupplierId, Bank("20-30-40", "87654321"));

        var kept = await Host.Services.GetRequiredService<BankDetailsStore>().GetChangeAsync(supplierId, TypedId.Parse<EventId>((string)change["eventId"]!));
        var bank = BankAccount.Parse(JsonSerializer.SerializeToElement(kept!["bank"]), "bank");
        Assert.True(bank.IsValid, string.Join("; ", bank.Errors));
        Assert.True(BankDetailsCommitment.Matches(bank.Value, Convert.FromBase64String((string)kept["salt"]!), (string)change["bankDetailsCommitment"]!));

        await Api.WaitForChainAsync(setup.Owner, 3);
        foreach (var chain in new[] { Operator, setup.Owner, setup.Member })
        {
            using var export = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{chain.AssociationId}/export", chain.ApiKey);
            var text = await export.Content.ReadAsStringAsync();
            Assert.DoesNotContain("87654321", text, StringComparison.Ordinal);
            Assert.DoesNotContain("203040", text, StringComparison.Ordinal);
        }

        var payee = (await Host.Services.GetRequiredService<PartyStore>().GetSupplierAsync(supplierId))!.Payee;
        Assert.Equal(bank.Value, payee.Account);
        Assert.Equal((string)change["eventId"]!, payee.LatestChange!.EventId.Value);
    }

    [Fact]
    public async Task Bad_changes_are_refused_naming_the_field_and_store_nothing()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var supplierId = setup.Supplier.SupplierId;

        using (var sortCode = await ChangeAsync(Api, supplierId, Bank(sortCode: "12-34")))
        {
            Assert.Equal(["bank.sortCode"], await RefusedFieldsAsync(sortCode, HttpStatusCode.BadRequest));
        }

        using (var account = await ChangeAsync(Api, supplierId, Bank(accountNumber: "1234")))
        {
            Assert.Equal(["bank.accountNumber"], await RefusedFieldsAsync(account, HttpStatusCode.BadRequest));
        }

        using (var future = await ChangeAsync(Api, supplierId, Bank(), DateTimeOffset.UtcNow.AddHours(1)))
        {
            Assert.Equal(["occurredAt"], await RefusedFieldsAsync(future, HttpStatusCode.BadRequest));
        }

        using (var same = await ChangeAsync(Api, supplierId, Bank("40-11-22", "12345678")))
        {
            Assert.Equal(["bank"], await RefusedFieldsAsync(same, HttpStatusCode.BadRequest));
        }

        using (var unknown = await ChangeAsync(Api, "sup_nosuchsupplier", Bank()))
        {
            await RefusedFieldsAsync(unknown, HttpStatusCode.NotFound);
        }

        using (var byAnAssociation = await Api.SendAsync(
            HttpMethod.Put, $"/api/suppliers/{supplierId}/bank-details", setup.Owner.ApiKey, new JsonObject { ["bank"] = Bank() }.ToJsonString()))
        {
            await RefusedFieldsAsync(byAnAssociation, HttpStatusCode.Forbidden);
        }

        await Task.Delay(500);
        Assert.DoesNotContain(await SettlementSetup.TransactionsAsync(Api, Operator, BankDetailsChangesType), tx => (string)tx["subject"]! == supplierId);
        Assert.Null((await Host.Services.GetRequiredService<PartyStore>().GetSupplierAsync(TypedId.Parse<SupplierId>(supplierId)))!.Payee.LatestChange);
        Assert.Empty(await SettlementSetup.TransactionsAsync(Api, setup.Owner, BankDetailsChangesType));
    }

    [Fact]
    public async Task Confirming_is_the_holders_admins_once_per_change_and_only_of_the_change_in_force()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var supplierId = setup.Supplier.SupplierId;
        var bystander = await Api.OnboardAssociationAsync("Valley Homes");
        var superseded = (string)(await ChangedAsync(Api, supplierId, Bank("20-30-40")))["eventId"]!;
        var latest = (string)(await ChangedAsync(Api, supplierId, Bank("20-30-41")))["eventId"]!;
        await Api.WaitForChainAsync(setup.Owner, 4);
        var ownerBefore = (long)(await Api.HeadAsync(setup.Owner))["txCount"]!;

        using (var old = await ConfirmAsync(Api, setup.Owner.ApiKey, supplierId, superseded))
        {
            Assert.Equal(["changeEventId"], await RefusedFieldsAsync(old, HttpStatusCode.BadRequest));
        }

        using (var none = await ConfirmAsync(Api, setup.Owner.ApiKey, supplierId, "bank_nosuchchange"))
        {
            Assert.Equal(["changeEventId"], await RefusedFieldsAsync(none, HttpStatusCode.BadRequest));
        }

        using (var malformed = await ConfirmAsync(Api, setup.Owner.ApiKey, supplierId, "not an id"))
        {
            Assert.Equal(["changeEventId"], await RefusedFieldsAsync(malformed, HttpStatusCode.BadRequest));
        }

        using (var notItsSupplier = await ConfirmAsync(Api, bystander.ApiKey, supplierId, latest))
        {
            await RefusedFieldsAsync(notItsSupplier, HttpStatusCode.NotFound);
        }

        using (var unknownSupplier = await ConfirmAsync(Api, setup.Owner.ApiKey, "sup_nosuchsupplier", latest))
        {
            await RefusedFieldsAsync(unknownSupplier, HttpStatusCode.NotFound);
        }

        using (var byTheOperator = await ConfirmAsync(Api, ServiceHost.OperatorKey, supplierId, latest))
        {
            await RefusedFieldsAsync(byTheOperator, HttpStatusCode.Forbidden);
        }

        await Task.Delay(500);
        Assert.Equal(ownerBefore, (long)(await Api.HeadAsync(setup.Owner))["txCount"]!);

        var first = await ConfirmedAsync(setup.Owner, supplierId, latest);
        var again = await ConfirmedAsync(setup.Owner, supplierId, latest);

        Assert.True(JsonNode.DeepEquals(first, again), $"confirming again answered {again}, not {first}");
        var confirmed = Assert.Single(await setup.TransactionsAsync(setup.Owner, "supplier.bankDetailsConfirmed", ownerBefore + 1));
        Assert.Equal(latest, (string)confirmed["data"]!["changeEventId"]!);
        Assert.Equal((string)first["eventId"]!, (string)confirmed["eventId"]!);
    }

    private async Task<JsonObject> ConfirmedAsync(Association association, string supplierId, string changeEventId)
    {
        using var response = await ConfirmAsync(Api, association.ApiKey, supplierId, changeEventId);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"confirming {changeEventId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
