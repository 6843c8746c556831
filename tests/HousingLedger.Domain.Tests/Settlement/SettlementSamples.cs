using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Payments;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// Jobs under the sample contract of SPEC §4 (starts 2026-01-01; tiers from 1, 101 and 501 units at 0, 0.05 and
/// 0.08; late penalty 0.20 at 10% over 12 months; VAT 0.20; an oven is 34500p), settled as a caller would.
/// </summary>
internal static class SettlementSamples
{
    public static readonly ContractId Contract = Ids.Contract("con_cookers");

    public const string Oven = "OVEN-600-SINGLE";

    public static readonly ContractTerms Terms = SampleTerms.Terms();

    /// <summary>The run's T in these tests; its penalty window is (2025-06-01T02:00Z, 2026-06-01T02:00Z].</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly Money Fee = Money.FromPence(25);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>A job approved at <paramref name="approvedAt"/>, completed on time an hour before.</summary>
    public static JobSummary Approved(
        string jobId, DateTimeOffset approvedAt, int quantity = 1, string associationId = "assoc_riverside", bool alreadySettled = false, string itemCode = Oven) =>
        new(Ids.Job(jobId), Ids.Association(associationId), Contract, Terms.SupplierId, itemCode, quantity, approvedAt.AddDays(1), JobState.Approved, approvedAt, approvedAt.AddHours(-1), alreadySettled);

    /// <summary>A job due at <paramref name="deadline"/>, not approved, first completed when given.</summary>
    public static JobSummary Due(string jobId, DateTimeOffset deadline, DateTimeOffset? firstCompletedAt = null, JobState state = JobState.Completed) =>
        new(Ids.Job(jobId), Ids.Association("assoc_riverside"), Contract, Terms.SupplierId, Oven, 1, deadline, state, null, firstCompletedAt, false);

    /// <summary>Settles <paramref name="approved"/> (already in approval order) with <paramref name="forLateness"/>, or no jobs, judged for lateness.</summary>
    public static List<SettledJob> Settle(
        IEnumerable<JobSummary> approved, IEnumerable<JobSummary>? forLateness = null, ContractTerms? terms = null, DateTimeOffset? asOf = null) =>
        [.. SettlementEngine.SettleContract(Contract, terms ?? Terms, new SettlementRun(asOf ?? AsOf, Fee), approved, forLateness ?? [])];

    /// <summary>The one settled job with <paramref name="jobId"/>, failing with the ids settled when there is none.</summary>
    public static SettledJob Only(IEnumerable<SettledJob> settled, string jobId)
    {
        var list = settled.ToList();
        return list.SingleOrDefault(job => job.Job.JobId.Value == jobId)
            ?? throw new Xunit.Sdk.XunitException($"expected {jobId} to be settled once; settled: [{string.Join(", ", list.Select(job => job.Job.JobId))}]");
    }

    /// <summary>The payment batch a caller builds from <paramref name="association"/>'s payments, one reference per supplier.</summary>
    public static Validated<PaymentBatch> Batch(AssociationPayments association, DateTimeOffset createdAt) =>
        PaymentBatch.Create(
            "pb_run", association.AssociationId.Value, "run_1", createdAt, DateOnly.FromDateTime(createdAt.UtcDateTime), SampleBatch.Payer,
            association.Suppliers.Select((supplier, index) => supplier.ToCreditTransfer(
                new PaymentParty("Cookers Ltd", SampleBatch.Account("200000", "55779911", "Cookers Ltd")), $"HLREF{index:D4}", false)));

    /// <summary>The sample terms with tiers <paramref name="tiers"/> (minUnits, rate) and any other change.</summary>
    public static ContractTerms TermsWith(IEnumerable<(int MinUnits, string Rate)>? tiers = null, Action<JsonObject>? change = null)
    {
        var parsed = SampleTerms.ParseWith(body =>
        {
            if (tiers is not null)
            {
                body["volumeDiscount"]!["tiers"] = new JsonArray([.. tiers.Select(tier => new JsonObject { ["minUnits"] = tier.MinUnits, ["rate"] = tier.Rate })]);
            }

            change?.Invoke(body);
        });
        Assert.True(parsed.IsValid, "the changed sample terms were refused: " + string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return parsed.Value;
    }
}
