using System.Text;

namespace HousingLedger.Payments.Iso20022;

/// <summary>
/// The unstructured remittance text of a credit transfer: the jobs it pays for, within the 140 characters of an
/// ISO 20022 <c>Ustrd</c> element. When the job ids do not all fit, as many as fit are listed followed by
/// <c>+N more</c>; the full list is in the remittance CSV.
/// </summary>
public static class UnstructuredRemittance
{
    /// <summary>ISO 20022 <c>Max140Text</c>.</summary>
    public const int MaxLength = 140;

    private const string Lead = "Jobs";

    public static string Describe(CreditTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var jobIds = transfer.Lines.Select(line => line.JobId).ToList();
        var text = new StringBuilder(Lead);
        for (var listed = 0; listed < jobIds.Count; listed++)
        {
            var remainingAfter = jobIds.Count - listed - 1;
            var next = " " + jobIds[listed];
            var reserve = remainingAfter == 0 ? 0 : MoreSuffix(remainingAfter).Length;
            if (text.Length + next.Length + reserve > MaxLength)
            {
                return text.Append(MoreSuffix(jobIds.Count - listed)).ToString();
            }

            text.Append(next);
        }

        return text.ToString();
    }

    private static string MoreSuffix(int count) => $" +{count} more";
}
