using BenchmarkDotNet.Attributes;
using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// How long settlement takes for one shared contract of 10^5 and 10^6 jobs, and how its memory grows. The jobs are
/// generated once, deterministically: approvals spread evenly over two contract years (so the count starts again
/// once), three member associations, a tenth settled in an earlier run and a tenth not yet approved, one in twenty
/// completed late. T is the end of the second year, so the penalty window covers half the jobs.
/// </summary>
[MemoryDiagnoser]
public class SettlementBenchmarks
{
    private static readonly ContractId ContractId = TypedId.Parse<ContractId>("con_cookers");

    private static readonly AssociationId[] Associations = [.. new[] { "assoc_riverside", "assoc_meadow", "assoc_hillside" }.Select(TypedId.Parse<AssociationId>)];

    private readonly ContractTerms terms = new(
        "Cooker and oven replacement framework 2026",
        TypedId.Parse<SupplierId>("sup_cookers01"),
        new DateOnly(2026, 1, 1),
        new DateOnly(2027, 12, 31),
        Rate.FromDecimal(0.20m),
        [new ContractItem("OVEN-600-SINGLE", "Supply and fit 60 cm electric single oven", Money.FromPence(34_500))],
        new Timescales(IsoDuration.Parse("PT24H"), IsoDuration.Parse("P7D"), IsoDuration.Parse("P28D")),
        new VolumeDiscount([new DiscountTier(1, Rate.Zero), new DiscountTier(101, Rate.FromDecimal(0.05m)), new DiscountTier(501, Rate.FromDecimal(0.08m))]),
        new LatePenalty(IsoDuration.Parse("P12M"), Rate.FromDecimal(0.10m), Rate.FromDecimal(0.20m)));

    private JobSummary[] approvedInOrder = [];
    private JobSummary[] allJobs = [];
    private SettlementRun run = null!;

    [Params(100_000, 1_000_000)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void GenerateJobs()
    {
        var starts = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var span = TimeSpan.FromDays(730) / Jobs;
        allJobs = [.. Enumerable.Range(0, Jobs).Select(index => Job(index, starts.AddTicks(span.Ticks * (index + 1))))];
        approvedInOrder = [.. allJobs.Where(job => job.ApprovedAt is not null)];
        run = new SettlementRun(starts.AddDays(730), Money.FromPence(25));
    }

    /// <summary>Settles every payable job and adds up what is paid: the engine alone, streaming.</summary>
    [Benchmark]
    public long SettleContract()
    {
        long payable = 0;
        foreach (var settled in SettlementEngine.SettleContract(ContractId, terms, run, approvedInOrder, allJobs))
        {
            payable += settled.Price.Payable.Pence;
        }

        return payable;
    }

    /// <summary>Settles and groups the result into payment batches: what a run holds before it writes files.</summary>
    [Benchmark]
    public int SettleAndGroup() =>
        SettlementPayments.Group(SettlementEngine.SettleContract(ContractId, terms, run, approvedInOrder, allJobs)).Sum(association => association.JobCount);

    // Job i: every tenth already settled, every tenth (offset by five) only completed, every twentieth completed a day late.
    private JobSummary Job(int index, DateTimeOffset approvedAt)
    {
        var deadline = approvedAt.AddDays(-1);
        var completedAt = index % 20 == 7 ? deadline.AddDays(1) : deadline.AddHours(-2);
        var state = (index % 10) switch
        {
            0 => JobState.Settled,
            5 => JobState.Completed,
            _ => JobState.Approved,
        };
        return new JobSummary(
            TypedId.Parse<JobId>($"job_{index:D7}"),
            Associations[index % Associations.Length],
            ContractId,
            terms.SupplierId,
            "OVEN-600-SINGLE",
            1 + (index % 3),
            deadline,
            state,
            state == JobState.Completed ? null : approvedAt,
            completedAt,
            state == JobState.Settled);
    }
}
