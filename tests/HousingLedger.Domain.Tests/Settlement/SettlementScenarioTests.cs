using System.Text.Json.Nodes;

namespace HousingLedger.Settlement;

/// <summary>Every golden scenario under <c>testdata/settlement</c>: what the run settles, how it prices each job, and what it pays.</summary>
public sealed class SettlementScenarioTests
{
    public static TheoryData<string> Scenarios() => SettlementScenario.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Settle_Scenario_SettlesExactlyTheExpectedJobs_WithTheExpectedLedgerData(string name)
    {
        var scenario = SettlementScenario.Read(name);

        var settled = scenario.Settle();

        Assert.Equal(scenario.ExpectedSettled.Select(job => job.Key).Order(StringComparer.Ordinal), settled.Select(job => job.Job.JobId.Value).Order(StringComparer.Ordinal));
        Assert.All(settled, job =>
        {
            var expected = scenario.ExpectedSettled[job.Job.JobId.Value];
            var actual = job.Price.ToLedgerData();
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}: {job.Job.JobId} settled as\n  {actual.ToJsonString()}\nexpected\n  {expected!.ToJsonString()}");
        });
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Group_Scenario_PaysEachSupplierTheExpectedAmount_AndChargesTheExpectedFees(string name)
    {
        var scenario = SettlementScenario.Read(name);

        var payments = new JsonArray([.. SettlementPayments.Group(scenario.Settle()).Select(association => new JsonObject
        {
            ["associationId"] = association.AssociationId.Value,
            ["fees"] = association.Fees.Pence,
            ["suppliers"] = new JsonArray([.. association.Suppliers.Select(supplier => new JsonObject
            {
                ["supplierId"] = supplier.SupplierId.Value,
                ["amount"] = supplier.Amount.Pence,
                ["jobs"] = new JsonArray([.. supplier.Lines.Select(line => JsonValue.Create(line.JobId))]),
            })]),
        })]);

        Assert.True(JsonNode.DeepEquals(scenario.ExpectedPayments, payments), $"{name}: paid\n  {payments.ToJsonString()}\nexpected\n  {scenario.ExpectedPayments.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Audit_Scenario_EveryRecordedJobSettledRecomputesFromTheLedgerAlone(string name)
    {
        var scenario = SettlementScenario.Read(name);

        Assert.All(scenario.Settle(), job =>
        {
            var audit = SettlementAudit.Recompute(job.Price.ToLedgerData(), scenario.Terms, job.Job.ItemCode, job.Job.Quantity);
            Assert.True(audit.IsValid, $"{name}: {job.Job.JobId} did not recompute: " + string.Join("; ", audit.Errors.Select(e => $"{e.Field}: {e.Message}")));
        });
    }
}
