using System.Globalization;
using System.Text;
using HousingLedger.Validation;

namespace HousingLedger.Payments.Bacs;

/// <summary>
/// Writes a batch as BACS Standard 18 data records, the form UK bank portals import for bulk credits: one
/// 100-character record per credit transfer, laid out as SPEC §7 gives it, in ASCII. Every record, the last
/// included, ends with CR LF, which is how bank import guides terminate records; a file is never padded or
/// wrapped in volume and header labels (the bank's submission software adds those).
/// </summary>
/// <remarks>
/// Positions (1-based): 1–6 destination sort code, 7–14 destination account, 15 <c>0</c>, 16–17 transaction
/// code <c>99</c> (credit), 18–23 originating sort code, 24–31 originating account, 32–35 blank, 36–46 amount
/// in pence right-aligned and zero-filled, 47–64 originator name, 65–82 reference, 83–100 destination account
/// name. Text fields go through <see cref="BacsText.Clean"/> and are left-aligned and space-filled.
/// </remarks>
public static class Standard18Writer
{
    public const string FileName = "bacs18.txt";

    public const string ContentType = "text/plain; charset=us-ascii";

    public const int RecordLength = 100;

    public const string RecordSeparator = "\r\n";

    /// <summary>The largest amount the 11-digit field can carry: £999,999,999.99.</summary>
    public const long MaxAmountPence = 99_999_999_999;

    private const int NameWidth = 18;

    /// <summary>
    /// The records, or errors naming each transfer (by its position in <see cref="PaymentBatch.Transfers"/>) whose
    /// amount does not fit the amount field or whose names have nothing BACS can carry.
    /// </summary>
    public static Validated<PaymentFile> Write(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var errors = new List<FieldError>();
        var originatorName = BacsText.Clean(batch.Payer.Name, NameWidth);
        if (originatorName.Length == 0)
        {
            errors.Add(new FieldError("payer.name", $"'{batch.Payer.Name}' has no character BACS can carry"));
        }

        var file = new StringBuilder(batch.Transfers.Count * (RecordLength + RecordSeparator.Length));
        for (var index = 0; index < batch.Transfers.Count; index++)
        {
            var transfer = batch.Transfers[index];
            var path = $"transfers[{index}]";
            var accountName = BacsText.Clean(transfer.Payee.Account.AccountName, NameWidth);
            if (accountName.Length == 0)
            {
                errors.Add(new FieldError(path + ".payee.account.accountName", $"'{transfer.Payee.Account.AccountName}' has no character BACS can carry"));
            }

            if (transfer.Amount.Pence > MaxAmountPence)
            {
                errors.Add(new FieldError(path + ".amount", $"{transfer.Amount.Pence} pence does not fit the 11-digit BACS amount field (at most {MaxAmountPence})"));
            }

            file.Append(transfer.Payee.Account.SortCode.Digits)
                .Append(transfer.Payee.Account.AccountNumber.Digits)
                .Append('0')
                .Append("99")
                .Append(batch.Payer.Account.SortCode.Digits)
                .Append(batch.Payer.Account.AccountNumber.Digits)
                .Append(' ', 4)
                .Append(transfer.Amount.Pence.ToString("D11", CultureInfo.InvariantCulture))
                .Append(originatorName.PadRight(NameWidth))
                .Append(BacsText.Clean(transfer.EndToEndReference, NameWidth).PadRight(NameWidth))
                .Append(accountName.PadRight(NameWidth))
                .Append(RecordSeparator);
        }

        return errors.Count > 0
            ? Validated<PaymentFile>.Invalid(errors)
            : Validated<PaymentFile>.Valid(new PaymentFile(FileName, ContentType, Encoding.ASCII.GetBytes(file.ToString())));
    }
}
