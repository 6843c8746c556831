using System.Text.Json.Nodes;
using HousingLedger.Webhooks;

namespace HousingLedger.LoadGenerator;

/// <summary>The supplier every job goes to, with the secret it signs its webhooks with.</summary>
public sealed record SupplierAccount(string SupplierId, WebhookSecret Secret);

/// <summary>An onboarded association: its admin key, its contract with the supplier, and the contract's event on its chain.</summary>
public sealed record AssociationAccount(string AssociationId, string ApiKey, string ContractId, string ContractEventId);

/// <summary>The associations, supplier and contracts a load run works with, set up fresh for every run.</summary>
public sealed record Estate(SupplierAccount Supplier, IReadOnlyList<AssociationAccount> Associations)
{
    /// <summary>The contract's one item, which every job asks for.</summary>
    public const string ItemCode = "BOILER-SERVICE";

    /// <summary>
    /// Registers one supplier whose work orders go to <paramref name="workOrderUrl"/>, then onboards
    /// <paramref name="associations"/> associations with a contract each. Any refusal is a setup failure.
    /// </summary>
    public static async Task<Estate> SetUpAsync(
        ServiceClient client, string operatorKey, Uri workOrderUrl, int associations, string runTag, CancellationToken cancellationToken)
    {
        var registered = Expect(201, "register the supplier", await client.PostAsync("/api/suppliers", operatorKey, new JsonObject
        {
            ["supplierId"] = $"sup_load_{runTag}",
            ["name"] = "Load Test Heating Ltd",
            ["workOrderUrl"] = workOrderUrl.ToString(),
            ["bank"] = Bank("Load Test Heating Ltd"),
        }, cancellationToken: cancellationToken));
        if (!WebhookSecret.TryParse(registered.Field("webhookSecret"), out var secret))
        {
            throw new SetupFailedException($"The supplier's webhook secret is not in whsec_ form: {registered.Body}");
        }

        var supplier = new SupplierAccount(registered.Field("supplierId"), secret);
        var accounts = new List<AssociationAccount>();
        for (var n = 0; n < associations; n++)
        {
            var name = $"Load Test Homes {n + 1}";
            var onboarded = Expect(201, $"onboard association {n + 1}", await client.PostAsync("/api/associations", operatorKey, new JsonObject
            {
                ["associationId"] = $"asc_load_{runTag}_{n + 1}",
                ["name"] = name,
                ["bank"] = Bank(name),
            }, cancellationToken: cancellationToken));
            var key = onboarded.Field("apiKey");
            var contract = Expect(201, $"register association {n + 1}'s contract", await client.PostAsync("/api/contracts", key, ServicingContract(supplier.SupplierId), cancellationToken: cancellationToken));
            accounts.Add(new AssociationAccount(onboarded.Field("associationId"), key, contract.Field("contractId"), contract.Field("eventId")));
        }

        return new Estate(supplier, accounts);
    }

    internal static JsonObject Bank(string accountName) =>
        new() { ["sortCode"] = "20-00-00", ["accountNumber"] = "55779911", ["accountName"] = accountName };

    // A boiler servicing framework in the shape of SPEC §4: one item, so every job is the same shape and size.
    internal static JsonObject ServicingContract(string supplierId) => new()
    {
        ["title"] = "Gas boiler servicing framework (load test)",
        ["supplierId"] = supplierId,
        ["starts"] = "2026-01-01",
        ["ends"] = "2027-12-31",
        ["vatRate"] = "0.20",
        ["items"] = new JsonArray(new JsonObject { ["code"] = ItemCode, ["description"] = "Annual gas boiler service and safety check", ["unitPrice"] = 8500 }),
        ["timescales"] = new JsonObject { ["emergency"] = "PT24H", ["urgent"] = "P7D", ["routine"] = "P28D" },
        ["volumeDiscount"] = new JsonObject { ["tiers"] = new JsonArray(Tier(1, "0"), Tier(1001, "0.03")) },
        ["latePenalty"] = new JsonObject { ["window"] = "P12M", ["threshold"] = "0.05", ["reduction"] = "0.10" },
    };

    private static JsonObject Tier(int minUnits, string rate) => new() { ["minUnits"] = minUnits, ["rate"] = rate };

    private static Answer Expect(int status, string what, Answer answer) =>
        answer.Status == status
            ? answer
            : throw new SetupFailedException($"Could not {what}: expected {status}, got {answer.Status}: {answer.Body}");
}

/// <summary>The service refused part of the set-up, so there is nothing to measure.</summary>
public sealed class SetupFailedException(string message) : Exception(message);
