using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Payments;
using HousingLedger.Payments.Csv;
using HousingLedger.Suppliers;
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

        // Two passes over the jobs settled into the batch, so nothing held grows with them: the first counts each
        // supplier's transfer, the second streams the remittance CSV once the transfers are known.
        var suppliers = await GatherAsync(record, cancellationToken);
        if (suppliers.Count == 0)
        {
            await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Empty }, cancellationToken);
            return null;
        }

        // A supplier owed nothing gets no transfer: a bank file cannot carry a payment of zero.
        var owed = suppliers.Where(supplier => supplier.Lines.PaysAnything).OrderBy(supplier => supplier.SupplierId.Value, StringComparer.Ordinal).ToList();
        if (owed.Count == 0)
        {
            // Every job it settled was worth nothing (a zero price, or a discount or penalty of 1): their
            // job.settled records stand on the ledger, and there is nothing to pay.
            await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Empty }, cancellationToken);
            return null;
        }

        var batch = await BuildAsync(record, owed, cancellationToken);
        var bank = BankFiles.Write(batch);
        if (!bank.IsValid)
        {
            throw new InvalidOperationException($"Batch {record.BatchId} cannot be written: {string.Join("; ", bank.Errors)}");
        }

        var folder = PaymentFileStore.FolderOf(record.AssociationId.Value, record.Day, record.BatchId);
        foreach (var file in bank.Value.Files)
        {
            RequireSame(folder, file.Name, await files.WriteAsync(folder, file, cancellationToken), record);
        }

        var remittance = await WriteRemittanceAsync(record, owed, folder, cancellationToken);
        var manifest = BatchManifest.Create(batch, [bank.Value.Pain001.Digest, bank.Value.Bacs.Digest, remittance]);
        RequireSame(folder, BatchManifest.FileName, await files.WriteAsync(folder, manifest.File, cancellationToken), record);

        var filed = new FiledBatch(record.AssociationId, record.BatchId, record.RunId, folder, manifest.Hash, batch.NumberOfJobs, batch.ControlSum.Pence);
        await RecordAsync(record, batch, manifest, filed, cancellationToken);
        await storage.Queues.GetQueueClient(StorageNames.PaymentBatchesQueue)
            .SendMessageAsync(JsonSerializer.Serialize(filed, JsonSerializerOptions.Web), cancellationToken);
        await settlements.PutRunAsync(record with { Status = SettlementRunStatus.Filed }, cancellationToken);
        return filed;
    }

    // The first pass: each supplier's jobs in the batch, counted. The rows come one supplier's after another's.
    private async Task<List<SupplierJobs>> GatherAsync(SettlementRunRecord run, CancellationToken cancellationToken)
    {
        var suppliers = new List<SupplierJobs>();
        await foreach (var job in settlements.ListSettledAsync(run.AssociationId, run.BatchId, cancellationToken))
        {
            if (suppliers.Count == 0 || suppliers[^1].SupplierId != job.SupplierId)
            {
                if (suppliers.Exists(supplier => supplier.SupplierId == job.SupplierId))
                {
                    throw new InvalidDataException($"Batch {run.BatchId} holds the jobs of supplier {job.SupplierId} apart from one another (rows stored by an earlier build?).");
                }

                suppliers.Add(new SupplierJobs(job.SupplierId, job.Payee, new RemittanceTally()));
            }

            // Paid into the details the run decided to pay on (SettledJobRow.Payee), flagged when they changed in
            // the 30 days before the run's as-of time (SPEC §9): both from stored facts, so a re-filing writes the same bytes.
            var supplier = suppliers[^1];
            if (job.Payee != supplier.Payee)
            {
                throw new InvalidDataException($"Batch {run.BatchId} holds jobs of supplier {job.SupplierId} settled against different bank details.");
            }

            if (supplier.Lines.Add(job.ToRemittanceLine()) is [var error, ..])
            {
                throw new InvalidDataException($"Batch {run.BatchId} cannot pay job {job.JobId}: {error.Field} {error.Message}.");
            }
        }

        return suppliers;
    }

    /// <summary>The batch paying the <paramref name="owed"/> suppliers, in that order.</summary>
    private async Task<PaymentBatch> BuildAsync(SettlementRunRecord run, List<SupplierJobs> owed, CancellationToken cancellationToken)
    {
        var association = await parties.GetAssociationAsync(run.AssociationId, cancellationToken)
            ?? throw new InvalidOperationException($"Association {run.AssociationId} has jobs settled but is not onboarded.");
        var reference = run.BatchId[(run.BatchId.IndexOf('_', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
        var transfers = owed.Select((supplier, index) => supplier.Lines.ToCreditTransfer(
            supplier.SupplierId.Value,
            PartyOf(supplier.Payee.Account),
            $"HL{reference[..Math.Min(10, reference.Length)]}-{index + 1:D3}",
            supplier.Payee.IsFlaggedAt(run.AsOf)));
        var batch = PaymentBatch.Create(run.BatchId, run.AssociationId.Value, run.RunId, run.StartedAt, run.Day, PartyOf(association.Bank), transfers);
        return batch.IsValid
            ? batch.Value
            : throw new InvalidOperationException($"Batch {run.BatchId} is not a valid payment batch: {string.Join("; ", batch.Errors)}");
    }

    // The second pass: the remittance CSV, streamed to storage one supplier's jobs at a time, in the transfers' order.
    private async Task<PaymentFileDigest> WriteRemittanceAsync(SettlementRunRecord run, List<SupplierJobs> owed, string folder, CancellationToken cancellationToken)
    {
        using var upload = files.Begin(folder, RemittanceCsvWriter.FileName, RemittanceCsvWriter.ContentType);
        await upload.WriteAsync(RemittanceCsvWriter.Header(), cancellationToken);
        foreach (var supplier in owed)
        {
            var rows = 0;
            await foreach (var job in settlements.ListSettledAsync(run.AssociationId, run.BatchId, supplier.SupplierId, cancellationToken))
            {
                await upload.WriteAsync(RemittanceCsvWriter.Row(supplier.SupplierId.Value, job.ToRemittanceLine()), cancellationToken);
                rows++;
            }

            if (rows != supplier.Lines.NumberOfJobs)
            {
                throw new InvalidDataException($"Batch {run.BatchId} holds {supplier.Lines.NumberOfJobs} jobs of supplier {supplier.SupplierId} but {rows} under its key (rows stored by an earlier build?).");
            }
        }

        var (outcome, digest) = await upload.CommitAsync(cancellationToken);
        RequireSame(folder, RemittanceCsvWriter.FileName, outcome, run);
        return digest;
    }

    private static void RequireSame(string folder, string name, PaymentFileWrite outcome, SettlementRunRecord run)
    {
        if (outcome == PaymentFileWrite.Differs)
        {
            throw new InvalidOperationException($"{folder}/{name} holds other bytes than batch {run.BatchId} gives now; it is left untouched for finance to investigate.");
        }
    }

    private async Task RecordAsync(SettlementRunRecord run, PaymentBatch batch, BatchManifest manifest, FiledBatch filed, CancellationToken cancellationToken)
    {
        var eventId = SettlementEventIds.BatchCreated(run.BatchId);
        var data = new JsonObject
        {
            ["batchId"] = run.BatchId,
            ["runId"] = run.RunId,
            ["asOf"] = UtcTimestamp.Format(run.AsOf),
            ["manifestSha256"] = manifest.Hash,
            ["manifest"] = manifest.ToJson(),
        };
        var row = new JsonObject
        {
            ["batchId"] = run.BatchId,
            ["runId"] = run.RunId,
            ["asOf"] = UtcTimestamp.Format(run.AsOf),
            ["createdAt"] = UtcTimestamp.Format(batch.CreatedAt),
            ["paymentDate"] = run.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["folder"] = filed.Folder,
            ["manifestSha256"] = manifest.Hash,
            ["numberOfJobs"] = batch.NumberOfJobs,
            ["numberOfTransactions"] = batch.NumberOfTransactions,
            ["controlSum"] = batch.ControlSum.Pence,
            ["payeesWithRecentBankChanges"] = manifest.ToJson()["payeesWithRecentBankChanges"]!.DeepClone(),
            ["eventId"] = eventId.Value,
        };
        var tx = intake.NewTransaction("batch.created", run.AssociationId.Value, eventId, null, "service:settlement", run.BatchId, data);
        await intake.AcceptAsync(tx, [SettlementStore.BatchFiled(run.BatchId, row)], cancellationToken);
    }

    // The name the account is held in: what the bank checks, and always within the files' name rules.
    private static PaymentParty PartyOf(BankAccount bank) => new(bank.AccountName, bank);

    // One supplier's jobs in the batch as the first pass counts them, and the bank details they are paid into.
    private sealed record SupplierJobs(SupplierId SupplierId, PayeeBank Payee, RemittanceTally Lines);
}

/// <summary>A filed payment batch, as finance's queue message and the settlement answer carry it.</summary>
public sealed record FiledBatch(AssociationId AssociationId, string BatchId, string RunId, string Folder, string ManifestSha256, int NumberOfJobs, long ControlSum)
{
    /// <summary>The batch of <paramref name="run"/> as its <c>batch|{batchId}</c> row recorded it.</summary>
    public static FiledBatch FromRow(SettlementRunRecord run, JsonObject row) => new(
        run.AssociationId, run.BatchId, run.RunId, (string)row["folder"]!, (string)row["manifestSha256"]!, (int)row["numberOfJobs"]!, (long)row["controlSum"]!);
}
