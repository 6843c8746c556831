using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>An auditor re-deriving a payment from the ledger alone (SPEC §1, §6.7).</summary>
public sealed class SettlementAuditTests
{
    private static readonly JobSummary[] Approvals =
    [
        Approved("job_a", At(2026, 2, 1), quantity: 98, alreadySettled: true),
        Approved("job_b", At(2026, 2, 2), quantity: 5, associationId: "assoc_meadow"),
    ];

    private static readonly JobSummary[] Deadlines =
    [
        .. Enumerable.Range(1, 9).Select(day => Due($"job_d{day}", At(2026, 4, day), At(2026, 4, day))),
        Due("job_late", At(2026, 4, 20), At(2026, 4, 21)),
    ];

    [Fact]
    public void Recompute_FromTheBreakdownsOwnRecordedInputs_AgreesWithIt()
    {
        var settled = Only(Settle(Approvals, Deadlines), "job_b");

        var audit = SettlementAudit.Recompute(settled.Price.ToLedgerData(), Terms, settled.Job.ItemCode, settled.Job.Quantity);

        ValidatedAssert.Accepted(audit);
        Assert.Equal(settled.Price, audit.Value);
    }

    [Fact]
    public void ReplayingTheRun_FromTheSameJobs_RecordsTheSameData()
    {
        var first = Settle(Approvals, Deadlines).Select(job => job.Price.ToLedgerData().ToJsonString());
        var again = Settle(Approvals, Deadlines).Select(job => job.Price.ToLedgerData().ToJsonString());

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("net", 163_000, "net")]
    [InlineData("discountRate", "0", "discountRate")]
    [InlineData("penaltyRate", "0", "penaltyRate")]
    [InlineData("gross", 172_000, "gross")]
    public void Recompute_ChangedFigure_IsNamed_WithBothValues(string member, object value, string field)
    {
        var data = Only(Settle(Approvals, Deadlines), "job_b").Price.ToLedgerData();
        data[member] = JsonValue.Create(value);
        if (member == "net")
        {
            data["payable"] = data["net"]!.GetValue<int>() + data["vat"]!.GetValue<long>();
        }

        var audit = SettlementAudit.Recompute(data, Terms, Oven, 5);

        var error = Assert.Single(audit.Errors, error => error.Field == field);
        Assert.Matches("^recorded .+; the terms give .+$", error.Message);
    }

    [Fact]
    public void Recompute_CumulativeUnitsMovedAcrossATier_ShowsEveryFigureThatFollows()
    {
        var data = Only(Settle(Approvals, Deadlines), "job_b").Price.ToLedgerData();
        data["cumulativeUnits"] = 99;

        var audit = SettlementAudit.Recompute(data, Terms, Oven, 5);

        Assert.Equal(["discountRate", "net", "vat", "payable"], audit.Errors.Select(error => error.Field));
    }

    [Fact]
    public void Recompute_CumulativeUnitsBelowTheJobsOwnQuantity_IsRefused()
    {
        var data = Only(Settle(Approvals, Deadlines), "job_b").Price.ToLedgerData();
        data["cumulativeUnits"] = 4;

        ValidatedAssert.RefusedAt(SettlementAudit.Recompute(data, Terms, Oven, 5), "cumulativeUnits");
    }

    [Fact]
    public void Recompute_ItemTheTermsLack_IsRefused() =>
        ValidatedAssert.RefusedAt(SettlementAudit.Recompute(Only(Settle(Approvals, Deadlines), "job_b").Price.ToLedgerData(), Terms, "FRIDGE", 5), "itemCode");

    [Fact]
    public void Recompute_MalformedData_IsRefusedAtEveryMissingMember() =>
        Assert.Equal(
            ["gross", "discountRate", "cumulativeUnits", "penaltyRate", "lateJobs", "jobsInScope", "net", "vat", "payable", "fee"],
            SettlementAudit.Recompute(new JsonObject(), Terms, Oven, 5).Errors.Select(error => error.Field));
}
