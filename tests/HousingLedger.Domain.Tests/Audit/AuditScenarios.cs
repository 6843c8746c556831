using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Ledger;

namespace HousingLedger.Audit;

/// <summary>
/// The chains the recompute tests audit, with every <c>job.settled</c> figure worked out by hand (the comments
/// say how), never by the engine under test. Terms: the sample contract with tiers from 1, 5 and 10 units at 0,
/// 0.05 and 0.10; late penalty 0.20 when 10% or more of the jobs due in the last 12 months were late; VAT 0.20;
/// an oven 34500p, a hob 21000p; jobs urgent, so due 7 days after they are raised; fee 25p.
/// </summary>
internal static class AuditScenarios
{
    public const string Riverside = "assoc_riverside";

    public const string Meadow = "assoc_meadow";

    public const string Oven = "OVEN-600-SINGLE";

    public const string Hob = "HOB-600-CERAMIC";

    public static readonly ContractTerms Terms = SampleTerms.ParseWith(body =>
        body["volumeDiscount"]!["tiers"] = JsonNode.Parse("""[{"minUnits": 1, "rate": "0"}, {"minUnits": 5, "rate": "0.05"}, {"minUnits": 10, "rate": "0.10"}]""")).Value;

    /// <summary>2026-04-01T02:00Z: the single association's run; its penalty window is (2025-04-01T02:00Z, T].</summary>
    public static readonly DateTimeOffset SoloAsOf = At(4, 1, 2);

    /// <summary>
    /// Riverside alone under <c>con_solo</c>, settled in run <c>run_s</c> at <see cref="SoloAsOf"/>: job_s1 (3 ovens)
    /// and job_s2 (3 ovens), on time; job_s3, accepted and never completed by T, past its deadline, so late. In
    /// scope 3, late 1: 33% ≥ 10%, so p = 0.20. job_s1: units 3, d 0; gross 103500, net 103500 × 0.8 = 82800,
    /// VAT 16560. job_s2: units 6, d 0.05; net 103500 × 0.95 × 0.8 = 78660, VAT 15732.
    /// </summary>
    public static AuditChain Solo() => new AuditChain(Riverside)
        .Register("con_solo", Terms, At(1, 5, 9))
        .Raise("job_s1", "con_solo", Terms, Oven, 3, At(3, 1, 9)).Done("job_s1", At(3, 1, 9), At(3, 5, 10), At(3, 6, 10))
        .Raise("job_s2", "con_solo", Terms, Oven, 3, At(3, 2, 9)).Done("job_s2", At(3, 2, 9), At(3, 7, 10), At(3, 8, 10))
        .Raise("job_s3", "con_solo", Terms, Oven, 1, At(3, 3, 9)).Event("job.accepted", "job_s3", At(3, 3, 10))
        .Settled("job_s1", At(4, 1, 2, 10), "pb_solo", Figures(103500, "0", 3, "0.2", 1, 3, 82800, 16560))
        .Settled("job_s2", At(4, 1, 2, 11), "pb_solo", Figures(103500, "0.05", 6, "0.2", 1, 3, 78660, 15732))
        .Batch("pb_solo", "run_s", SoloAsOf, At(4, 1, 2, 20));

    /// <summary>2026-06-01T02:00Z: the shared contract's second run.</summary>
    public static readonly DateTimeOffset SharedAsOf = At(6, 1, 2);

    /// <summary>
    /// <c>con_cookers</c>, owned by Riverside, joined by Meadow (testdata/settlement/shared-contract-pools-volume-…).
    /// Run <c>run_1</c> at 2026-02-02T02:00Z settles job_r1 (2 ovens): units 2, none due yet, so gross = net 69000.
    /// Run <c>run_2</c> at <see cref="SharedAsOf"/>: in approval order r1 (2 units), m1 (2 → 4, d 0), r2 (3 hobs → 7,
    /// d 0.05), m2 (1 → 8, d 0.05); r3 is approved after T. Due in the window: r1, m1, r2, r4, m2, all on time, and
    /// m3 cancelled: 0 of 5 late, p 0. m1: 69000, VAT 13800; r2: 63000 × 0.95 = 59850, VAT 11970; m2: 34500 × 0.95 = 32775, VAT 6555.
    /// </summary>
    public static (AuditChain Riverside, AuditChain Meadow) Shared()
    {
        var riverside = new AuditChain(Riverside)
            .Register("con_cookers", Terms, At(1, 5, 9))
            .Joined("con_cookers", Terms, Riverside, Meadow, At(1, 6, 9))
            .Raise("job_r1", "con_cookers", Terms, Oven, 2, At(1, 27, 9)).Done("job_r1", At(1, 27, 9), At(1, 30, 15), At(2, 1, 10))
            .Settled("job_r1", At(2, 2, 2, 10), "pb_r1", Figures(69000, "0", 2, "0", 0, 0, 69000, 13800))
            .Batch("pb_r1", "run_1", At(2, 2, 2), At(2, 2, 2, 20))
            .Raise("job_r2", "con_cookers", Terms, Hob, 3, At(2, 23, 9)).Done("job_r2", At(2, 23, 9), At(2, 28, 16), At(3, 1, 10))
            .Raise("job_r4", "con_cookers", Terms, Hob, 1, At(5, 13, 9)).Done("job_r4", At(5, 13, 9), At(5, 19, 9))
            .Raise("job_r3", "con_cookers", Terms, Oven, 4, At(5, 27, 9)).Done("job_r3", At(5, 27, 9), At(5, 31, 10))
            .Settled("job_r2", At(6, 1, 2, 12), "pb_r2", Figures(63000, "0.05", 7, "0", 0, 5, 59850, 11970))
            .Batch("pb_r2", "run_2", SharedAsOf, At(6, 1, 2, 20))
            .Event("job.approved", "job_r3", At(6, 1, 9));
        var meadow = new AuditChain(Meadow)
            .Joined("con_cookers", Terms, Riverside, Meadow, At(1, 6, 9))
            .Raise("job_m1", "con_cookers", Terms, Oven, 2, At(2, 5, 9)).Done("job_m1", At(2, 5, 9), At(2, 9, 12), At(2, 10, 10))
            .Raise("job_m3", "con_cookers", Terms, Oven, 1, At(3, 25, 9)).Event("job.cancelled", "job_m3", At(3, 26, 9))
            .Raise("job_m2", "con_cookers", Terms, Oven, 1, At(5, 23, 9)).Done("job_m2", At(5, 23, 9), At(5, 29, 11), At(5, 31, 23))
            .Settled("job_m1", At(6, 1, 2, 10), "pb_m2", Figures(69000, "0", 4, "0", 0, 5, 69000, 13800))
            .Settled("job_m2", At(6, 1, 2, 11), "pb_m2", Figures(34500, "0.05", 8, "0", 0, 5, 32775, 6555))
            .Batch("pb_m2", "run_2", SharedAsOf, At(6, 1, 2, 20));
        return (riverside, meadow);
    }

    /// <summary>Solo with job_s2's net raised from 78660 to 86100, and payable with it: a figure altered after the fact.</summary>
    public static AuditChain SoloWithNetAltered() => Solo().With("job.settled", "job_s2", tx => AuditChain.WithData(tx, data =>
    {
        data["net"] = 86100;
        data["payable"] = 86100 + 15732;
    }));

    /// <summary>Solo with April's fee statement closed on 1 May: job_s1 and job_s2, settled on 1 April, at 25p each.</summary>
    public static AuditChain SoloWithFeeStatementClosed() => Solo().FeeStatementClosed("2026-04", ["job_s1", "job_s2"], 2, 50, At(5, 1, 2));

    /// <summary>Solo's April statement closed with its total raised from 50p to 75p after the fact.</summary>
    public static AuditChain SoloWithFeeStatementTotalAltered() =>
        SoloWithFeeStatementClosed().With("fee.statementClosed", "feestatement_2026-04", tx => AuditChain.WithData(tx, data => data["totalFee"] = 75));

    /// <summary>Solo without its batch's <c>batch.created</c>, as a run that stopped before filing leaves it.</summary>
    public static AuditChain SoloWithoutBatchCreated() => Solo().With("batch.created", "pb_solo", _ => null);

    /// <summary>
    /// Meadow's chain with job_m1's approval moved from 10 February to 1 March 11:00, after Riverside's job_r2: r2
    /// then counts 2 + 3 = 5 units and m1 2 + 3 + 2 = 7, which reaches the 0.05 tier: 69000 × 0.95 = 65550, VAT 13110.
    /// </summary>
    public static AuditChain WithApprovalMoved(AuditChain meadow) =>
        meadow.With("job.approved", "job_m1", tx => AuditChain.OccurredAt(tx, At(3, 1, 11)));

    /// <summary>A <c>job.settled</c>'s price, with payable = net + VAT and the 25p fee.</summary>
    public static JsonObject Figures(long gross, string discountRate, long cumulativeUnits, string penaltyRate, int lateJobs, int jobsInScope, long net, long vat, long fee = 25) => new()
    {
        ["gross"] = gross,
        ["discountRate"] = discountRate,
        ["cumulativeUnits"] = cumulativeUnits,
        ["penaltyRate"] = penaltyRate,
        ["lateJobs"] = lateJobs,
        ["jobsInScope"] = jobsInScope,
        ["net"] = net,
        ["vat"] = vat,
        ["payable"] = net + vat,
        ["fee"] = fee,
    };

    /// <summary>Recomputes <paramref name="chains"/> with the standard checks, comparing fees within each run.</summary>
    public static RecomputeOutcome Recompute(params AuditChain[] chains) =>
        Audit.Recompute.Run(chains.Select(chain => (IEnumerable<LedgerTransaction>)chain.Transactions), Audit.Recompute.Checks(null));

    /// <summary>An instant of 2026 in UTC.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int second = 0) => new(2026, month, day, hour, 0, second, TimeSpan.Zero);
}
