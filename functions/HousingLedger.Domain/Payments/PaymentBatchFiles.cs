using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Csv;
using HousingLedger.Payments.Iso20022;
using HousingLedger.Validation;

namespace HousingLedger.Payments;

/// <summary>
/// Every file of a payment batch (SPEC §7), ready to store under the batch's folder: the pain.001 document, the
/// BACS Standard 18 records, the remittance CSV, and the manifest that hashes the other three.
/// </summary>
public sealed class PaymentBatchFiles
{
    private PaymentBatchFiles(IReadOnlyList<PaymentFile> paymentFiles, BatchManifest manifest)
    {
        Manifest = manifest;
        Files = [.. paymentFiles, manifest.File];
    }

    /// <summary>The pain.001, BACS and CSV files, then the manifest, in that order.</summary>
    public IReadOnlyList<PaymentFile> Files { get; }

    public BatchManifest Manifest { get; }

    /// <summary>The manifest's SHA-256, lowercase hex, for the ledger's <c>batch.created</c> transaction.</summary>
    public string ManifestHash => Manifest.Hash;

    /// <summary>
    /// Writes all files, or reports why the batch cannot be paid by BACS (an amount beyond the amount field, a
    /// name with no character BACS can carry). Nothing is written in part.
    /// </summary>
    public static Validated<PaymentBatchFiles> Write(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bacs = Standard18Writer.Write(batch);
        if (!bacs.IsValid)
        {
            return Validated<PaymentBatchFiles>.Invalid(bacs.Errors);
        }

        PaymentFile[] paymentFiles = [Pain001Writer.Write(batch), bacs.Value, RemittanceCsvWriter.Write(batch)];
        return Validated<PaymentBatchFiles>.Valid(new PaymentBatchFiles(paymentFiles, BatchManifest.Create(batch, paymentFiles)));
    }
}
