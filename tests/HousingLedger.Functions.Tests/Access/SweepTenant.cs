using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Parties;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Jobs;
using HousingLedger.Values;
using HousingLedger.Witnessing;

namespace HousingLedger.Functions.Tests.Access;

/// <summary>
/// An association with something of every kind a route can name — a key of each role, a supplier, a contract, a
/// job on its chain, a payment batch, a registered witness — and fresh ones made on demand. <see cref="Nowhere"/>
/// is the same shape made of ids that exist nowhere, to hold a refusal of another association's resource to the
/// refusal of one that does not exist.
/// </summary>
/// <param name="Api">The service, to make fresh resources on; null for <see cref="Nowhere"/>.</param>
/// <param name="Keys">A key of each association role, by role name.</param>
/// <param name="EventId">An event of <paramref name="JobId"/> that is on the chain (its receipt can be read).</param>
/// <param name="Witness">The witness this association registered.</param>
public sealed record SweepTenant(
    ApiClient? Api, string AssociationId, IReadOnlyDictionary<string, string> Keys, Supplier? Supplier, string ContractId, string JobId, string EventId, string BatchId,
    WitnessKey? Witness) : IDisposable
{
    private Association Admin => new(AssociationId, Keys["admin"]);

    public static SweepTenant Nowhere() => new(
        null, Identifier.New("asc"), new Dictionary<string, string>(), null, Identifier.New("con"), Identifier.New("job"), Identifier.New("evt"), Identifier.New("bat"), null);

    public static async Task<SweepTenant> CreateAsync(ApiClient api, string name)
    {
        var setup = await SettlementSetup.CreateAsync(api);
        var admin = setup.Owner;
        var keys = new Dictionary<string, string> { ["admin"] = admin.ApiKey };
        foreach (var role in new[] { "finance", "auditor" })
        {
            keys[role] = (await api.IssueKeyAsync(admin, role)).Key.ApiKey;
        }

        var now = DateTimeOffset.UtcNow;
        var jobId = await setup.ApprovedJobAsync(admin, now.AddDays(-10), TimeSpan.FromDays(1));
        var settled = await setup.SettleAsync(admin, now);
        var batchId = (string)settled["batches"]![0]!["batchId"]!;
        var job = await api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", admin.ApiKey, expect: HttpStatusCode.OK);
        var eventId = (string)job["events"]![0]!["eventId"]!;
        await UntilOnChainAsync(api, admin, eventId);

        var witness = WitnessKey.Generate($"witness.{name}.example/hl");
        await api.JsonAsync(HttpMethod.Put, "/api/witness", admin.ApiKey, new JsonObject { ["verifierKey"] = witness.Public.ToVerifierKey() }.ToJsonString(), HttpStatusCode.OK);
        return new SweepTenant(api, admin.AssociationId, keys, setup.Supplier, setup.ContractId, jobId, eventId, batchId, witness);
    }

    /// <summary>A key just issued, to be revoked.</summary>
    public async Task<string> FreshKeyIdAsync() => Api is null
        ? Identifier.New("key")
        : (await Api.IssueKeyAsync(Admin, "finance")).KeyId;

    /// <summary>A change of this association's supplier's bank details just recorded, for its admin to confirm.</summary>
    public async Task<(string SupplierId, string ChangeEventId)> FreshBankChangeAsync()
    {
        if (Api is null)
        {
            return (Identifier.New("sup"), Identifier.New("evt"));
        }

        var account = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var change = await BankDetailsApi.ChangedAsync(Api, Supplier!.SupplierId, BankDetailsApi.Bank(accountNumber: account));
        return (Supplier.SupplierId, change["eventId"]!.GetValue<string>());
    }

    /// <summary>A contract just registered, shared with nobody yet.</summary>
    public async Task<string> FreshContractIdAsync() => Api is null ? Identifier.New("con") : await Api.RegisterContractAsync(Admin, Supplier!.SupplierId);

    /// <summary>A job just raised, which its supplier may accept.</summary>
    public async Task<string> RaisedJobIdAsync() => Api is null ? Identifier.New("job") : await Api.RaiseJobAsync(Admin, ContractId);

    /// <summary>A job its supplier has accepted and completed, awaiting approval.</summary>
    public async Task<string> CompletedJobIdAsync()
    {
        var jobId = await RaisedJobIdAsync();
        if (Api is not null)
        {
            foreach (var type in new[] { JobEventTypes.Accepted, JobEventTypes.Completed })
            {
                using var response = await Api.SendWebhookAsync(Supplier!, ApiClient.SupplierEvent(type, jobId));
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type} for {jobId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return jobId;
    }

    /// <summary>A completed job just disputed with a reason, which is kept off the ledger: the job and the dispute's event.</summary>
    public async Task<(string JobId, string EventId)> DisputedWithReasonAsync()
    {
        var jobId = await CompletedJobIdAsync();
        if (Api is null)
        {
            return (jobId, Identifier.New("evt"));
        }

        var dispute = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", Keys["admin"], """{"decision":"disputed","reason":"Tenant says the door will not close"}""", HttpStatusCode.Accepted);
        return (jobId, dispute["eventId"]!.GetValue<string>());
    }

    public void Dispose() => Witness?.Dispose();

    private static async Task UntilOnChainAsync(ApiClient api, Association association, string eventId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var receipt = await api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/receipts/{eventId}", association.ApiKey);
            if (receipt.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Event {eventId} did not reach chain {association.AssociationId} in time.");
            await Task.Delay(100);
        }
    }
}
