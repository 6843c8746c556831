using System.Text.Json.Nodes;
using HousingLedger.Functions.Jobs;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Settlement;
using HousingLedger.Values;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// Runs settlement (SPEC §6) for one association or all of them. For each association it first files any run
/// left unfinished, then opens its part of this run with a batch id, settles each payable job by recording
/// <c>job.settled</c> under the job's own derived event id (so no job is ever settled twice: a second attempt
/// is a duplicate of the first), ten jobs to a storage transaction, and files the batch. Runs may overlap, and a
/// run may stop anywhere: see <c>docs/settlement.md</c>.
/// </summary>
public sealed class SettlementRunner(
    PartyStore parties, SettlementStore settlements, ContractStore contractStore, ContractJobIndex index, JobEvents jobEvents, EventIntake intake,
    BatchFiling filing, BankDetailsStore bankDetails, IOptions<SettlementOptions> options, TimeProvider time,
    ILogger<SettlementRunner> logger)
{
    public const string Actor = "service:settlement";

    public const string HeldType = "settlement.held";

    // Tries at settling a group before leaving it to the next run, should the run's row keep changing while it is open.
    private const int SettleAttempts = 3;

    // Jobs settled in one transaction. Each writes nine rows (its event's claim and outbox row, the job and its four
    // index rows, its settled and spend rows) and the run's row is written once: 91 of the 100 a transaction allows.
    private const int JobsPerTransaction = 10;

    /// <summary>Settles every onboarded association as of <paramref name="asOf"/>.</summary>
    public async Task<SettlementOutcome> RunForAllAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var associations = new List<AssociationId>();
        await foreach (var associationId in parties.AssociationIdsAsync(cancellationToken))
        {
            associations.Add(associationId);
        }

        return await RunAsync(asOf, associations, cancellationToken);
    }

    /// <summary>
    /// Settles <paramref name="associations"/> as of <paramref name="asOf"/>, one after another, under one run id.
    /// One association's failure does not stop the others; it is logged, and rethrown once they are done.
    /// </summary>
    /// <exception cref="AggregateException">Settling one or more associations failed; what it left is finished by the next run.</exception>
    public async Task<SettlementOutcome> RunAsync(DateTimeOffset asOf, IReadOnlyList<AssociationId> associations, CancellationToken cancellationToken)
    {
        var runId = Identifier.New("run");
        var contracts = new ContractJobs(contractStore, index);
        var batches = new List<FiledBatch>();
        var held = new List<HeldJob>();
        var failures = new List<Exception>();
        foreach (var associationId in associations)
        {
            try
            {
                batches.AddRange(await SettleAssociationAsync(runId, associationId, asOf, contracts, held, cancellationToken));
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or ArgumentException or System.Text.Json.JsonException or Azure.RequestFailedException)
            {
                logger.LogError(ex, "Settlement run {RunId} failed for association {AssociationId}", runId, associationId);
                failures.Add(ex);
            }
        }

        return failures.Count == 0
            ? new SettlementOutcome(runId, asOf, batches, held)
            : throw new AggregateException($"Settlement run {runId} failed for {failures.Count} of {associations.Count} associations.", failures);
    }

    private async Task<IReadOnlyList<FiledBatch>> SettleAssociationAsync(
        string runId, AssociationId associationId, DateTimeOffset asOf, ContractJobs contracts, List<HeldJob> held, CancellationToken cancellationToken)
    {
        var batches = new List<FiledBatch>(await FinishUnfinishedAsync(associationId, cancellationToken));
        var run = NewRun(runId, associationId, asOf);
        held.AddRange(await SettleAsync(run, contracts, cancellationToken));
        if (await filing.FileAsync(run, cancellationToken) is { } filed)
        {
            batches.Add(filed);
        }

        return batches;
    }

    /// <summary>Files every run of <paramref name="associationId"/> that stopped before its batch was filed.</summary>
    public async Task<IReadOnlyList<FiledBatch>> FinishUnfinishedAsync(AssociationId associationId, CancellationToken cancellationToken)
    {
        var filed = new List<FiledBatch>();
        await foreach (var run in settlements.ListRunsAsync(associationId, cancellationToken))
        {
            if (run.Status is SettlementRunStatus.Settling or SettlementRunStatus.Filing && await filing.FileAsync(run, cancellationToken) is { } batch)
            {
                logger.LogWarning("Filed batch {BatchId} of settlement run {RunId}, which had stopped before filing it", run.BatchId, run.RunId);
                filed.Add(batch);
            }
        }

        return filed;
    }

    /// <summary>An association's part of run <paramref name="runId"/>, its batch id chosen; stored when it settles its first job.</summary>
    public SettlementRunRecord NewRun(string runId, AssociationId associationId, DateTimeOffset asOf) =>
        new(runId, associationId, Identifier.New("bat"), asOf, time.GetUtcNow(), SettlementRunStatus.Settling);

    /// <summary>
    /// Settles the association's payable jobs into the run's batch, contract by contract, pricing each with the
    /// jobs of every association that holds the contract. A contract under which the association has nothing
    /// payable is passed over without reading its jobs; otherwise the supplier's lateness is counted over the jobs
    /// due in the window, then the approvals are read in order from the contract year of the first payable one.
    /// The run's row is written before its first job is settled (a run that finds nothing payable leaves none).
    /// Stops early, leaving the rest for the next run, once the run has been closed for filing by another.
    /// A payee whose bank details changed without the association confirming it is not paid: its jobs are held,
    /// left payable for a run after the confirmation, recorded on the chain (<c>settlement.held</c>) and returned.
    /// </summary>
    public async Task<IReadOnlyList<HeldJob>> SettleAsync(SettlementRunRecord run, ContractJobs contracts, CancellationToken cancellationToken)
    {
        var terms = new SettlementRun(run.AsOf, Money.FromPence(options.Value.FeePerJobPence));
        var payees = new PayeeStandings(parties, bankDetails, run.AssociationId);
        var held = new List<HeldJob>();
        var settling = new List<SettledJobRow>(JobsPerTransaction);
        var stored = false;
        try
        {
            foreach (var contract in await contracts.HeldByAsync(run.AssociationId, cancellationToken))
            {
                if (await contracts.FirstPayableApprovalAsync(run.AssociationId, contract, run.AsOf, cancellationToken) is not { } firstPayable)
                {
                    continue;
                }

                var lateness = await contracts.LatenessAsync(contract, run.AsOf, cancellationToken);
                var settlement = new ContractSettlement(contract.ContractId, contract.Terms, terms, lateness);
                var yearStart = ContractSettlement.ContractYearStart(contract.Terms, firstPayable);
                await foreach (var job in contracts.ApprovedAsync(contract, yearStart, run.AsOf, cancellationToken))
                {
                    if (settlement.Add(job) is not { } settled || settled.Job.AssociationId != run.AssociationId)
                    {
                        continue;
                    }

                    var payee = await payees.OfAsync(settled.Job.SupplierId, cancellationToken);
                    if (payee.Held)
                    {
                        held.Add(new HeldJob(run.AssociationId, settled.Job.JobId, settled.Job.SupplierId, payee.Payee.LatestChange!.EventId));
                        continue;
                    }

                    if (!stored)
                    {
                        await settlements.PutRunAsync(run, cancellationToken);
                        stored = true;
                    }

                    settling.Add(SettledJobRow.Of(settled, payee.Payee));
                    if (settling.Count == JobsPerTransaction && !await SettleJobsAsync(run, settling, cancellationToken))
                    {
                        // Closed by an overlapping run, which reads these jobs afresh and records what it holds.
                        return held;
                    }
                }
            }

            if (settling.Count > 0 && !await SettleJobsAsync(run, settling, cancellationToken))
            {
                return held;
            }

            await RecordHeldAsync(run, held, cancellationToken);
            return held;
        }
        finally
        {
            // Each job.settled was accepted without waking the appender, sparing a queue message per job: one
            // wake-up covers them all (and the catch-up timer those of a run that dies before this).
            if (stored || held.Count > 0)
            {
                await intake.WakeAppenderAsync(run.AssociationId.Value, CancellationToken.None);
            }
        }
    }

    // One settlement.held per association and run that held anything, so the chain says why approved work went
    // unpaid; its id is derived from the run, so a repeat records nothing twice.
    private async Task RecordHeldAsync(SettlementRunRecord run, List<HeldJob> held, CancellationToken cancellationToken)
    {
        if (held.Count == 0)
        {
            return;
        }

        var data = new JsonObject
        {
            ["runId"] = run.RunId,
            ["asOf"] = UtcTimestamp.Format(run.AsOf),
            ["jobs"] = new JsonArray([.. held.Select(job => new JsonObject
            {
                ["jobId"] = job.JobId.Value,
                ["supplierId"] = job.SupplierId.Value,
                ["changeEventId"] = job.ChangeEventId.Value,
            })]),
        };
        var tx = intake.NewTransaction(HeldType, run.AssociationId.Value, SettlementEventIds.PaymentsHeld(run.RunId), null, Actor, run.RunId, data);
        await intake.AcceptAsync(tx, [], cancellationToken, wakeAppender: false);
        logger.LogWarning(
            "Settlement run {RunId} held {Count} jobs of association {AssociationId} until it confirms a change of bank details", run.RunId, held.Count, run.AssociationId);
    }

    // Records job.settled for each of the jobs, with its settled rows, in one transaction that touches the run's row
    // once; a job that cannot go with the others is settled alone. Empties the list; false once the run is closed to
    // more jobs (those not yet settled are left for the next run).
    private async Task<bool> SettleJobsAsync(SettlementRunRecord run, List<SettledJobRow> jobs, CancellationToken cancellationToken)
    {
        var commands = jobs.Select(job => SettleCommand(run, job)).ToList();
        jobs.Clear();
        for (var attempt = 0; attempt < SettleAttempts; attempt++)
        {
            var stored = await settlements.GetRunAsync(run.AssociationId, run.RunId, cancellationToken);
            if (stored is null || stored.Record.Status != SettlementRunStatus.Settling)
            {
                return false;
            }

            if (await jobEvents.RecordTogetherAsync(run.AssociationId, commands, [SettlementStore.RunGuard(stored)], cancellationToken) is RecordedTogether.Committed committed)
            {
                foreach (var left in committed.Left)
                {
                    if (!await SettleJobAsync(run, left, cancellationToken))
                    {
                        return false;
                    }
                }

                return true;
            }

            // The run's row changed under us: settle on if it is still open.
        }

        return false;
    }

    // Records one job.settled with a touch of the run row; false once the run is closed to more jobs.
    private async Task<bool> SettleJobAsync(SettlementRunRecord run, JobEventCommand command, CancellationToken cancellationToken)
    {
        var stored = await settlements.GetRunAsync(run.AssociationId, run.RunId, cancellationToken);
        if (stored is null || stored.Record.Status != SettlementRunStatus.Settling)
        {
            return false;
        }

        switch (await jobEvents.RecordAsync(command with { ExtraChanges = [SettlementStore.RunGuard(stored), .. command.ExtraChanges] }, cancellationToken))
        {
            case JobEventResult.Recorded:
            case JobEventResult.Duplicate: // settled already, by this run or another, into that run's batch
                return true;
            case JobEventResult.Conflict:
                // The run row changed under us (closed for filing) or the job kept changing: stop if the former.
                var now = await settlements.GetRunAsync(run.AssociationId, run.RunId, cancellationToken);
                return now is not null && now.Record.Status == SettlementRunStatus.Settling;
            case var skipped:
                logger.LogWarning("Settlement skipped job {JobId}: {Outcome}", command.JobId, skipped);
                return true;
        }
    }

    // A job's job.settled under its derived event id, with its settled rows; the caller adds the run's guard.
    private static JobEventCommand SettleCommand(SettlementRunRecord run, SettledJobRow settled) =>
        new(run.AssociationId, settled.JobId, JobEventTypes.Settled, SettlementEventIds.JobSettled(settled.JobId), null, Actor, settled.ToLedgerData(run.BatchId))
        {
            ExtraChanges = [.. SettlementStore.JobSettled(run, settled)],
            WakeAppender = false, // once for the whole run: see SettleAsync
        };
}

/// <summary>What a settlement run did: its id, its as-of time, the batches it filed (unfinished ones included) and the jobs it held.</summary>
public sealed record SettlementOutcome(string RunId, DateTimeOffset AsOf, IReadOnlyList<FiledBatch> Batches, IReadOnlyList<HeldJob> Held);

/// <summary>A payable job a run did not pay because its supplier's bank details changed (<paramref name="ChangeEventId"/>) and the association has not confirmed the change.</summary>
public sealed record HeldJob(AssociationId AssociationId, JobId JobId, SupplierId SupplierId, EventId ChangeEventId);
