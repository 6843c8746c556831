using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// What the fuzz aims at: an estate with jobs, and every route that takes input, each with a request it would
/// accept, whose ids name this estate's things (so a spoiled request fails on its defect, not on a missing thing).
/// </summary>
public sealed record FuzzEstate(Estate Estate, string OperatorKey, IReadOnlyList<string> Jobs)
{
    public SupplierAccount Supplier => Estate.Supplier;

    /// <summary>The association whose key and things the requests use.</summary>
    public AssociationAccount Owner => Estate.Associations[0];

    /// <summary>Another association, which the requests name where a route takes a second one.</summary>
    public AssociationAccount Other => Estate.Associations[1];

    public IReadOnlyList<(string Name, string Value)> PathValues =>
    [
        ("{supplierId}", Supplier.SupplierId),
        ("{contractId}", Owner.ContractId),
        ("{jobId}", Jobs[0]),
        ("{chain}", Owner.AssociationId),
        ("{associationId}", Other.AssociationId),
        ("{eventId}", Owner.ContractEventId),
        ("{batchId}", "batch_zz_none"),
        ("{name}", "manifest.json"),
        ("{month}", "2026-01"),
        ("{keyId}", "key_zz_none"),
    ];

    /// <summary>The methods other routes take on the same path (so a "wrong" method is one that no route takes there).</summary>
    public IReadOnlyList<HttpMethod> OtherMethods(FuzzRoute route) =>
        Routes().Where(r => r.Path == route.Path && r.Method != route.Method).Select(r => r.Method).ToList();

    public IReadOnlyList<FuzzRoute> Routes()
    {
        const Callers Op = Callers.Operator, Admin = Callers.Admin, Either = Callers.Operator | Callers.Admin;
        var bank = Estate.Bank("Fuzz Homes");
        string[] none = [];
        return
        [
            new(HttpMethod.Get, "/api/health", Callers.Anyone, null, none),
            new(HttpMethod.Get, "/api/openapi.json", Callers.Anyone, null, none),
            new(HttpMethod.Get, "/api/.well-known/jwks.json", Callers.Anyone, null, none),
            new(HttpMethod.Post, "/api/associations", Op, new JsonObject { ["name"] = "Fuzz Homes", ["bank"] = bank.DeepClone() }, none),
            new(HttpMethod.Get, "/api/associations", Op, null, none),
            new(HttpMethod.Post, "/api/suppliers", Op, new JsonObject { ["name"] = "Fuzz Ltd", ["workOrderUrl"] = "http://127.0.0.1:9/wo", ["bank"] = bank.DeepClone() }, none),
            new(HttpMethod.Get, "/api/suppliers", Op, null, none),
            new(HttpMethod.Put, "/api/suppliers/{supplierId}/bank-details", Op, new JsonObject { ["bank"] = Estate.Bank("Other Name Ltd") }, none),
            new(HttpMethod.Post, "/api/suppliers/{supplierId}/bank-details/confirmations", Admin, new JsonObject { ["changeEventId"] = "bank_zz_none" }, none),
            new(HttpMethod.Get, "/api/bank-details-changes", Admin, null, none),
            new(HttpMethod.Post, "/api/contracts", Admin, Estate.ServicingContract(Supplier.SupplierId), none),
            new(HttpMethod.Get, "/api/contracts", Admin, null, none),
            new(HttpMethod.Get, "/api/contracts/{contractId}", Admin, null, none),
            new(HttpMethod.Post, "/api/contracts/{contractId}/members", Admin, new JsonObject { ["associationId"] = Other.AssociationId }, none),
            new(HttpMethod.Post, "/api/jobs", Admin, new JsonObject
            {
                ["contractId"] = Owner.ContractId, ["itemCode"] = Estate.ItemCode, ["quantity"] = 1, ["priority"] = "routine", ["propertyRef"] = "UPRN-1",
            }, none),
            new(HttpMethod.Get, "/api/jobs", Admin, null,
            [
                "limit=0", "limit=101", "limit=abc", "limit=1&limit=2", "state=bogus", "priority=whenever", "overdue=maybe", "raisedFrom=yesterday",
                "raisedTo=2026-13-01T00:00:00Z", "cursor=notacursor", "cursor=%FF%FE", "supplierId=a%20b", "contractId=-x", "limit=-1", "limit=1e2",
            ]),
            new(HttpMethod.Get, "/api/jobs/{jobId}", Admin, null, none),
            new(HttpMethod.Post, "/api/jobs/{jobId}/approval", Admin, new JsonObject { ["decision"] = "approved" }, none),
            new(HttpMethod.Get, "/api/jobs/{jobId}/events/{eventId}/text", Admin, null, none),
            new(HttpMethod.Post, "/api/jobs/{jobId}/erasure", Admin, new JsonObject(), none),
            new(HttpMethod.Post, "/api/webhooks/suppliers/{supplierId}", Callers.Supplier, new JsonObject
            {
                ["type"] = "job.accepted", ["jobId"] = Jobs[0], ["data"] = new JsonObject(),
            }, none),
            new(HttpMethod.Post, "/api/settlements", Either, new JsonObject(), none),
            new(HttpMethod.Get, "/api/payment-batches", Admin, null, none),
            new(HttpMethod.Get, "/api/payment-batches/{batchId}", Admin, null, none),
            new(HttpMethod.Get, "/api/payment-batches/{batchId}/files/{name}", Admin, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/head", Either, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/blocks", Either, null, ["from=abc", "to=x", "from=1&from=2", "from=-1", "from=0&to=%20"]),
            new(HttpMethod.Get, "/api/ledger/{chain}/export", Either, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/verify", Either, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/receipts/{eventId}", Either, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/checkpoint", Either, null, none),
            new(HttpMethod.Get, "/api/ledger/{chain}/consistency", Either, null, ["from=abc", "from=5&to=2", "from=999999", "to=-1", "from=1&from=1", "from=1e1"]),
            new(HttpMethod.Post, "/api/ledger/{chain}/cosignatures", Admin, new JsonObject { ["note"] = "not a note\n" }, none),
            new(HttpMethod.Put, "/api/witness", Admin, new JsonObject { ["verifierKey"] = "fuzz+0000000+AQ==" }, none),
            new(HttpMethod.Post, "/api/suppliers/{supplierId}/webhook-secret", Op, new JsonObject { ["previousSecret"] = "keep" }, none),
            new(HttpMethod.Post, "/api/associations/{associationId}/suspension", Op, new JsonObject(), none),
            new(HttpMethod.Delete, "/api/associations/{associationId}/suspension", Op, null, none),
            new(HttpMethod.Get, "/api/caller", Either, null, none),
            new(HttpMethod.Post, "/api/keys", Admin, new JsonObject { ["name"] = "fuzz", ["role"] = "auditor" }, none),
            new(HttpMethod.Get, "/api/keys", Admin, null, none),
            new(HttpMethod.Delete, "/api/keys/{keyId}", Admin, null, none),
            new(HttpMethod.Get, "/api/fee-statements/{month}", Either, null, ["associationId=a%20b", "associationId=zz&associationId=yy"]),
            new(HttpMethod.Get, "/api/fee-statements/{month}/summary", Op, null, none),
            new(HttpMethod.Post, "/api/fee-statements/{month}/close", Op, new JsonObject { ["associationId"] = Owner.AssociationId }, none),
            new(HttpMethod.Get, "/api/suppliers/{supplierId}/performance", Admin, null, ["contractId=a%20b", "contractId=-x", "contractId=a&contractId=b"]),
            new(HttpMethod.Get, "/api/spend", Admin, null, ["from=2026-13", "to=abc", "groupBy=week", "from=2020-01&to=2026-01", "from=2026-02&to=2026-01", "from=2026-01&from=2026-02"]),
        ];
    }
}
