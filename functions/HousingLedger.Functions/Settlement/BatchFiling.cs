using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Payments;
using HousingLedger.Values;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// Files the batch of an association's part of a settlement run (SPEC §7): closes it to more jobs, gathers the
/// jobs settled into it, writes its files (never overwriting), records <c>batch.created</c> with the manifest's
/// hash, and tells finance on the <c>payment-batches</c> queue. Every step can be repeated: whoever finds the run
/// unfinished — the run itself, or the next one after a crash — writes the same bytes, and the batch's event id
/// is claimed once. Finance's message is sent at least once.
/// </summary>
public sealed class BatchFiling(
    SettlementStore settlements, PartyStore parties, EventIntake intake, PaymentFileStore files, StorageClients storage)
{
    /// <summary>Files <paramref name="run"/>'s batch; null when it settled nothing.</summary>
    /// <exception cref="InvalidOperationException">The batch cannot be paid as stored (its files would differ from those already written, or a bank file cannot carry it).</exception>
    public async Task<FiledBatch?> FileAsync(SettlementRunRecord run, CancellationToken cancellationToken)
    {
        // The row is written before the run settles its first job, so a run without one settled nothing.
        var current = await settlements.GetRunAsync(run.AssociationId, run.RunId, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var record = current.Record;
        if (record.Status == SettlementRunStatus.Empty)
        {
            return null;
        }

        if (record.Status == SettlementRunStatus.Filed)
        {
            // Filed by an overlapping run meanwhile: finance has been told already.
            return await settlements.GetBatchAsync(run.AssociationId, record.BatchId, cancellationToken) is { } filedRow ? FiledBatch.FromRow(record, filedRow) : null;
        }

        if (record.Status == SettlementRunStatus.Settling)
        {
            // Any job.settled still in flight replaces the run row against the version it read while settling;
            // this write changes that version, so no job joins the batch after the jobs are gathered below.
            await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Filing }, cancellationToken);
        }

        var settled = new List<SettledJobRow>();
        await foreach (var job in settlements.ListSettledAsync(run.AssociationId, run.BatchId, cancellationToken))
        {
            settled.Add(job);
        }

        if (settled.Count == 0)
        {
            await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Empty }, cancellationToken);
            return null;
        }

        if (await BuildAsync(record, settled, cancellationToken) is not { } batch)
        {
            // Every job it settled was worth nothing (a zero price, or a discount or penalty of 1): their
            // job.settled records stand on the ledger, and there is nothing to pay.
            await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Empty }, cancellationToken);
            return null;
        }

        var written = PaymentBatchFiles.Write(batch);
        if (!written.IsValid)
        {
            throw new InvalidOperationException($"Batch {record.BatchId} cannot be written: {string.Join("; ", written.Errors)}");
        }

        var folder = PaymentFileStore.FolderOf(record.AssociationId.Value, record.Day, record.BatchId);
        foreach (var file in written.Value.Files)
        {
            if (await files.WriteAsync(folder, file, cancellationToken) == PaymentFileWrite.Differs)
            {
                throw new InvalidOperationException($"{folder}/{file.Name} holds other bytes than batch {record.BatchId} gives now; it is left untouched for finance to investigate.");
            }
        }

        var filed = new FiledBatch(record.AssociationId, record.BatchId, record.RunId, folder, written.Value.ManifestHash, batch.NumberOfJobs, batch.ControlSum.Pence);
        await RecordAsync(record, batch, written.Value, filed, cancellationToken);
        await storage.Queues.GetQueueClient(StorageNames.PaymentBatchesQueue)
            .SendMessageAsync(JsonSerializer.Serialize(filed, JsonSerializerOptions.Web), cancellationToken);
        await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Filed }, cancellationToken);
        return filed;
    }

    /// <summary>The batch paying <paramref name="settled"/>; null when no supplier is owed anything.</summary>
    private async Task<PaymentBatch?> BuildAsync(SettlementRunRecord run, List<SettledJobRow> settled, CancellationToken cancellationToken)
    {
        var association = await parties.GetAssociationAsync(run.AssociationId, cancellationToken)
            ?? throw new InvalidOperationException($"Association {run.AssociationId} has jobs settled but is not onboarded.");
        var transfers = new List<CreditTransfer>();
        var reference = run.BatchId[(run.BatchId.IndexOf('_', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
        // A supplier owed nothing gets no transfer: a bank file cannot carry a payment of zero.
        var owed = settled
            .GroupBy(job => job.SupplierId)
            .Where(supplier => supplier.Any(job => job.Price.Payable > Money.Zero))
            .OrderBy(group => group.Key.Value, StringComparer.Ordinal);
        foreach (var supplier in owed)
        {
            // Paid into the details the run decided to pay on (SettledJobRow.Payee), flagged when they changed in
            // the 30 days before the run's as-of time (SPEC §9): both from stored facts, so a re-filing writes the same bytes.
            var payees = supplier.Select(job => job.Payee).Distinct().ToList();
            if (payees.Count != 1)
            {
                throw new InvalidDataException($"Batch {run.BatchId} holds jobs of supplier {supplier.Key} settled against {payees.Count} different bank details.");
            }

            var payee = payees[0];
            var endToEnd = $"HL{reference[..Math.Min(10, reference.Length)]}-{transfers.Count + 1:D3}";
            transfers.Add(new CreditTransfer(
                supplier.Key.Value, PartyOf(payee.Account), endToEnd, payee.IsFlaggedAt(run.AsOf),
                [.. supplier.Select(job => job.ToRemittanceLine())]));
        }

        if (transfers.Count == 0)
        {
            return null;
        }

        var batch = PaymentBatch.Create(run.BatchId, run.AssociationId.Value, run.RunId, run.StartedAt, run.Day, PartyOf(association.Bank), transfers);
        return batch.IsValid
            ? batch.Value
            : throw new InvalidOperationException($"Batch {run.BatchId} is not a valid payment batch: {string.Join("; ", batch.Errors)}");
    }

    private async Task RecordAsync(SettlementRunRecord run, PaymentBatch batch, PaymentBatchFiles written, FiledBatch filed, CancellationToken cancellationToken)
    {
        var eventId = SettlementEventIds.BatchCreated(run.BatchId);
        var data = new JsonObject
        {
            ["batchId"] = run.BatchId,
            ["runId"] = run.RunId,
            ["asOf"] = UtcTimestamp.Format(run.AsOf),
            ["manifestSha256"] = written.ManifestHash,
            ["manifest"] = written.Manifest.ToJson(),
        };
        var row = new JsonObject
        {
            ["batchId"] = run.BatchId,
            ["runId"] = run.RunId,
            ["asOf"] = UtcTimestamp.Format(run.AsOf),
            ["createdAt"] = UtcTimestamp.Format(batch.CreatedAt),
            ["paymentDate"] = run.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["folder"] = filed.Folder,
            ["manifestSha256"] = written.ManifestHash,
            ["numberOfJobs"] = batch.NumberOfJobs,
            ["numberOfTransactions"] = batch.NumberOfTransactions,
            ["controlSum"] = batch.ControlSum.Pence,
            ["payeesWithRecentBankChanges"] = written.Manifest.ToJson()["payeesWithRecentBankChanges"]!.DeepClone(),
            ["eventId"] = eventId.Value,
        };
        var tx = intake.NewTransaction("batch.created", run.AssociationId.Value, eventId, null, "service:settlement", run.BatchId, data);
        await intake.AcceptAsync(tx, [SettlementStore.BatchFiled(run.BatchId, row)], cancellationToken);
    }

    // The name the account is held in: what the bank checks, and always within the files' name rules.
    private static PaymentParty PartyOf(BankAccount bank) => new(bank.AccountName, bank);
}

/// <summary>A filed payment batch, as finance's queue message and the settlement answer carry it.</summary>
public sealed record FiledBatch(AssociationId AssociationId, string BatchId, string RunId, string Folder, string ManifestSha256, int NumberOfJobs, long ControlSum)
{
    /// <summary>The batch of <paramref name="run"/> as its <c>batch|{batchId}</c> row recorded it.</summary>
    public static FiledBatch FromRow(SettlementRunRecord run, JsonObject row) => new(
        run.AssociationId, run.BatchId, run.RunId, (string)row["folder"]!, (string)row["manifestSha256"]!, (int)row["numberOfJobs"]!, (long)row["controlSum"]!);
}
