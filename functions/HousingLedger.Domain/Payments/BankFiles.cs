using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Iso20022;
using HousingLedger.Validation;

namespace HousingLedger.Payments;

/// <summary>
/// The files of a payment batch that finance hands to the bank (SPEC §7): the pain.001 document and the BACS
/// Standard 18 records, one entry per credit transfer each, so they are small whatever the number of jobs. The
/// remittance CSV (<see cref="Csv.RemittanceCsvWriter"/>) is written a row at a time beside them, and the
/// <see cref="BatchManifest"/> hashes all three.
/// </summary>
public sealed class BankFiles
{
    private BankFiles(PaymentFile pain001, PaymentFile bacs)
    {
        Pain001 = pain001;
        Bacs = bacs;
    }

    public PaymentFile Pain001 { get; }

    public PaymentFile Bacs { get; }

    /// <summary>Both files, in the order they are stored.</summary>
    public IReadOnlyList<PaymentFile> Files => [Pain001, Bacs];

    /// <summary>
    /// Writes both files, or reports why the batch cannot be paid by BACS (an amount beyond the amount field, a
    /// name with no character BACS can carry).
    /// </summary>
    public static Validated<BankFiles> Write(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bacs = Standard18Writer.Write(batch);
        return bacs.IsValid
            ? Validated<BankFiles>.Valid(new BankFiles(Pain001Writer.Write(batch), bacs.Value))
            : Validated<BankFiles>.Invalid(bacs.Errors);
    }
}
