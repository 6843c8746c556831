using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HousingLedger.Jobs;
using HousingLedger.Payments;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>For random runs over the sample contract: the invariants of SPEC §6 and §7 hold, and the engine agrees with a brute-force reading of the rules.</summary>
public sealed class SettlementPropertyTests
{
    private static readonly DateTimeOffset ContractStarts = At(2026, 1, 1);

    private static readonly string[] Associations = ["assoc_riverside", "assoc_meadow", "assoc_hillside"];

    private static readonly JobState[] States =
        [JobState.Approved, JobState.Approved, JobState.Settled, JobState.Completed, JobState.Accepted, JobState.Disputed, JobState.Cancelled];

    // Quarter days over 18 months, so approvals often share an instant and jobId decides their order.
    private static readonly Gen<DateTimeOffset> Moment = Gen.Choose(0, 540 * 4).Select(quarters => ContractStarts.AddHours(quarters * 6));

    private static readonly Gen<Func<int, JobSummary>> Job =
        from associationId in Gen.Elements(Associations)
        from quantity in Gen.Choose(1, 60)
        from state in Gen.Elements(States)
        from flagged in Gen.Elements(false, false, false, true)
        from approvedAt in Moment
        from deadline in Moment
        from completion in Gen.Choose(-5 * 24, 6 * 24)
        select (Func<int, JobSummary>)(index => new JobSummary(
            Ids.Job($"job_{index:D3}"),
            Ids.Association(associationId),
            Contract,
            Terms.SupplierId,
            Oven,
            quantity,
            deadline,
            state,
            state is JobState.Approved or JobState.Settled ? approvedAt : null,
            state is JobState.Raised or JobState.Accepted or JobState.Cancelled ? null : deadline.AddHours(completion),
            state == JobState.Settled || (state == JobState.Approved && flagged)));

    private static readonly Gen<Run> Runs =
        from jobs in Gen.Choose(0, 40).SelectMany(count => Job.ArrayOf(count))
        from asOf in Moment
        from fee in Gen.Choose(0, 100)
        select new Run([.. jobs.Select((job, index) => job(index))], new SettlementRun(asOf, Money.FromPence(fee)));

    [Property(MaxTest = 200)]
    public Property EverySettledJob_PaysNetPlusVat_NeverMoreThanGross_AndRecomputesFromItsLedgerData() => Prop.ForAll(Arb.From(Runs), run =>
        Assert.All(run.Settle(), job =>
        {
            var data = job.Price.ToLedgerData();
            Assert.Equal((long)data["net"]! + (long)data["vat"]!, (long)data["payable"]!);
            Assert.True(job.Price.Net <= job.Price.Gross, $"{job.Job.JobId}: net {job.Price.Net} exceeds gross {job.Price.Gross}");
            Assert.True(SettlementAudit.Recompute(data, Terms, job.Job.ItemCode, job.Job.Quantity).IsValid, $"{job.Job.JobId} did not recompute from {data.ToJsonString()}");
        }));

    [Property(MaxTest = 200)]
    public Property Settle_PaysExactlyTheApprovedUnsettledJobsUpToAsOf_EachOnce() => Prop.ForAll(Arb.From(Runs), run =>
    {
        var settled = run.Settle().Select(job => job.Job.JobId.Value).ToList();
        var payable = run.Jobs
            .Where(job => job.State == JobState.Approved && !job.AlreadySettled && job.ApprovedAt <= run.Parameters.AsOf)
            .Select(job => job.JobId.Value);

        Assert.Equal(settled.Distinct().Count(), settled.Count);
        Assert.Equal(payable.Order(StringComparer.Ordinal), settled.Order(StringComparer.Ordinal));
    });

    [Property(MaxTest = 200)]
    public Property SettlingAgain_WithTheFirstRunsSettledFlagsApplied_SettlesNoJobTwice() => Prop.ForAll(Arb.From(Runs), Arb.From(Gen.Choose(0, 90)), (run, daysLater) =>
    {
        var first = run.Settle().Select(job => job.Job.JobId).ToHashSet();
        var flagged = run with { Jobs = [.. run.Jobs.Select(job => first.Contains(job.JobId) ? job with { AlreadySettled = true } : job)] };

        Assert.Empty(flagged.Settle());
        var later = flagged with { Parameters = flagged.Parameters with { AsOf = flagged.Parameters.AsOf.AddDays(daysLater) } };
        Assert.DoesNotContain(later.Settle(), job => first.Contains(job.Job.JobId));
    });

    [Property(MaxTest = 100)]
    public Property BatchTotals_AreTheSumOfTheirLines_AndOfTheSettledJobs() => Prop.ForAll(Arb.From(Runs), run =>
    {
        var settled = run.Settle();

        foreach (var association in SettlementPayments.Group(settled))
        {
            var batch = Batch(association, run.Parameters.AsOf);
            var own = settled.Where(job => job.Job.AssociationId == association.AssociationId).ToList();

            Assert.True(batch.IsValid, SampleBatch.Describe(batch.Errors));
            Assert.Equal(Money.Sum(association.Suppliers.SelectMany(supplier => supplier.Lines).Select(line => line.Payable)), batch.Value.ControlSum);
            Assert.Equal(Money.Sum(own.Select(job => job.Price.Payable)), batch.Value.ControlSum);
            Assert.Equal(association.Total, batch.Value.ControlSum);
            Assert.Equal(own.Count, batch.Value.NumberOfJobs);
            Assert.Equal(run.Parameters.FeePerJob.Times(own.Count), association.Fees);
        }
    });

    [Property(MaxTest = 200)]
    public Property CumulativeUnitsAndLateness_AgreeWithABruteForceReadingOfTheRules() => Prop.ForAll(Arb.From(Runs), run =>
    {
        var asOf = run.Parameters.AsOf;
        var inScope = run.Jobs.Where(job => job.State != JobState.Cancelled && job.Deadline > asOf.AddMonths(-12) && job.Deadline <= asOf).ToList();
        var late = inScope.Count(job => !(job.FirstCompletedAt <= asOf && job.FirstCompletedAt <= job.Deadline));

        Assert.All(run.Settle(), job =>
        {
            var year = ContractYear(job.Job.ApprovedAt!.Value);
            var units = run.Jobs
                .Where(other => other.ApprovedAt is { } at && ContractYear(at) == year && ComesNoLaterThan(at, other.JobId, job.Job))
                .Sum(other => (long)other.Quantity);
            Assert.Equal(units, job.Price.CumulativeUnits);
            Assert.Equal((late, inScope.Count), (job.Price.LateJobs, job.Price.JobsInScope));
        });
    });

    [Property(MaxTest = 200)]
    public Property ReadingApprovalsFromTheContractYearOfTheFirstPayableJob_PricesEveryJobAlike() => Prop.ForAll(Arb.From(Runs), run =>
    {
        var fromContractStart = run.Settle();
        var firstPayable = fromContractStart.Select(job => job.Job.ApprovedAt!.Value).DefaultIfEmpty(run.Parameters.AsOf).Min();
        var yearStart = ContractSettlement.ContractYearStart(Terms, firstPayable);

        Assert.Equal(fromContractStart, run.Settle(approvedFrom: yearStart));
    });

    private static bool ComesNoLaterThan(DateTimeOffset approvedAt, JobId jobId, JobSummary job) =>
        approvedAt < job.ApprovedAt || (approvedAt == job.ApprovedAt && string.CompareOrdinal(jobId.Value, job.JobId.Value) <= 0);

    private static int ContractYear(DateTimeOffset approvedAt)
    {
        var year = 0;
        while (ContractStarts.AddMonths(12 * (year + 1)) <= approvedAt)
        {
            year++;
        }

        return year;
    }

    /// <summary>A random contract's jobs and a run over them, settled as a caller must order them.</summary>
    public sealed record Run(IReadOnlyList<JobSummary> Jobs, SettlementRun Parameters)
    {
        public List<SettledJob> Settle(DateTimeOffset? approvedFrom = null) => [.. SettlementEngine.SettleContract(
            Contract,
            Terms,
            Parameters,
            Jobs.Where(job => job.ApprovedAt >= (approvedFrom ?? DateTimeOffset.MinValue)).OrderBy(job => job.ApprovedAt).ThenBy(job => job.JobId.Value, StringComparer.Ordinal),
            Jobs)];

        public override string ToString() =>
            $"as of {UtcTimestamp.Format(Parameters.AsOf)}: " + string.Join(", ", Jobs.Select(job =>
                $"{job.JobId} {job.AssociationId} x{job.Quantity} {job.State}{(job.AlreadySettled ? "(settled)" : "")} due {UtcTimestamp.Format(job.Deadline)} approved {job.ApprovedAt:O} completed {job.FirstCompletedAt:O}"));
    }
}
