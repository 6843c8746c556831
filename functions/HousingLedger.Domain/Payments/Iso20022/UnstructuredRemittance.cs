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

    /// <summary>The room for job ids, each with the space before it: no id past it can be listed.</summary>
    public static int JobIdsRoom { get; } = MaxLength - Lead.Length;

    public static string Describe(CreditTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var text = new StringBuilder(Lead);
        for (var listed = 0; listed < transfer.NumberOfJobs; listed++)
        {
            var remainingAfter = transfer.NumberOfJobs - listed - 1;
            var reserve = remainingAfter == 0 ? 0 : MoreSuffix(remainingAfter).Length;
            if (listed == transfer.LeadingJobIds.Count || text.Length + 1 + transfer.LeadingJobIds[listed].Length + reserve > MaxLength)
            {
                return text.Append(MoreSuffix(transfer.NumberOfJobs - listed)).ToString();
            }

            text.Append(' ').Append(transfer.LeadingJobIds[listed]);
        }

        return text.ToString();
    }

    private static string MoreSuffix(int count) => $" +{count} more";
}
