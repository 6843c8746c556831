using HousingLedger.Payments.Iso20022;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// One supplier's remittance lines as a batch reads them, one at a time in job id order: checks each line and keeps
/// only what its credit transfer needs (how many jobs, the sum payable, and the first job ids, as many as the
/// pain.001 remittance text can name), so a transfer of any number of jobs is gathered in constant memory. A job
/// id at or before the one added last is refused, which is how a job paid twice shows. Not thread-safe.
/// </summary>
public sealed class RemittanceTally
{
    private const int MaxItemCodeLength = 64;

    private readonly List<string> leadingJobIds = [];
    private int leadingLength; // -1 once an id did not fit
    private string? lastJobId;
    private Int128 payablePence; // widened, so an absurd line is an error rather than an overflow

    /// <summary>How many lines were added.</summary>
    public int NumberOfJobs { get; private set; }

    /// <summary>Whether the lines sum to more than nothing: a supplier owed nothing gets no credit transfer.</summary>
    public bool PaysAnything => payablePence > 0;

    /// <summary>
    /// Adds <paramref name="line"/>, the next of the supplier's jobs by id. Returns what is wrong with it, each
    /// error naming the line's field (<c>jobId</c>, <c>net</c>, …); a line with errors is not counted.
    /// </summary>
    public IReadOnlyList<FieldError> Add(RemittanceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var errors = Check(line, lastJobId);
        var sum = payablePence + line.Net.Pence + line.Vat.Pence;
        if (sum > PaymentBatch.MaxTotalPence)
        {
            errors.Add(new FieldError("payable", $"takes the transfer to {sum} pence, beyond the largest batch total of {PaymentBatch.MaxTotalPence} pence"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        lastJobId = line.JobId;
        NumberOfJobs++;
        payablePence = sum;
        // The text lists ids in order up to the first that does not fit, so none after that one is needed.
        if (leadingLength >= 0 && leadingLength + 1 + line.JobId.Length <= UnstructuredRemittance.JobIdsRoom)
        {
            leadingJobIds.Add(line.JobId);
            leadingLength += 1 + line.JobId.Length;
        }
        else
        {
            leadingLength = -1;
        }

        return errors;
    }

    /// <summary>The supplier's credit transfer, once the caller knows its payee details and reference (SPEC §7, §9).</summary>
    public CreditTransfer ToCreditTransfer(string supplierId, PaymentParty payee, string endToEndReference, bool payeeDetailsChangedRecently) =>
        new(supplierId, payee, endToEndReference, payeeDetailsChangedRecently, Money.FromPence((long)payablePence), NumberOfJobs, [.. leadingJobIds]);

    private static List<FieldError> Check(RemittanceLine line, string? lastJobId)
    {
        var errors = new List<FieldError>();
        if (!Identifier.IsValid(line.JobId))
        {
            errors.Add(new FieldError("jobId", "must be " + Identifier.Rule));
        }
        else if (lastJobId is not null && string.CompareOrdinal(line.JobId, lastJobId) <= 0)
        {
            errors.Add(new FieldError("jobId", line.JobId == lastJobId
                ? $"job {line.JobId} is already paid in this transfer"
                : $"job {line.JobId} comes after job {lastJobId}; lines are added in job id order"));
        }

        if (!Identifier.IsValid(line.ContractId))
        {
            errors.Add(new FieldError("contractId", "must be " + Identifier.Rule));
        }

        if (string.IsNullOrWhiteSpace(line.ItemCode) || line.ItemCode.Length > MaxItemCodeLength || line.ItemCode.Any(char.IsControl))
        {
            errors.Add(new FieldError("itemCode", $"must be 1–{MaxItemCodeLength} characters with no control characters"));
        }

        if (line.Quantity < 1)
        {
            errors.Add(new FieldError("quantity", "must be at least 1"));
        }

        RequireNotNegative(errors, "gross", line.Gross);
        RequireNotNegative(errors, "net", line.Net);
        RequireNotNegative(errors, "vat", line.Vat);
        if (line.Gross >= Money.Zero && line.Net > line.Gross)
        {
            errors.Add(new FieldError("net", $"net {line.Net} exceeds gross {line.Gross}; discounts and penalties only reduce a price"));
        }

        return errors;
    }

    private static void RequireNotNegative(List<FieldError> errors, string field, Money amount)
    {
        if (amount < Money.Zero)
        {
            errors.Add(new FieldError(field, $"must not be negative (was {amount})"));
        }
    }
}
