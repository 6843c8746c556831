using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>The invariants of a <see cref="PaymentBatch"/>, each failure a field error naming where it is.</summary>
internal static class PaymentBatchChecks
{
    private const int MaxItemCodeLength = 64;

    public static List<FieldError> Check(string batchId, string associationId, string runId, PaymentParty payer, List<CreditTransfer> transfers)
    {
        var errors = new List<FieldError>();
        if (!Identifier.IsValid(batchId) || batchId.Length > PaymentBatch.MaxBatchIdLength)
        {
            errors.Add(new FieldError("batchId", $"must be an id of at most {PaymentBatch.MaxBatchIdLength} characters ({Identifier.Rule})"));
        }

        RequireId(errors, "associationId", associationId);
        RequireId(errors, "runId", runId);
        RequireName(errors, "payer.name", payer.Name);
        if (transfers.Count == 0)
        {
            errors.Add(new FieldError("transfers", "a batch makes at least one credit transfer"));
        }

        var suppliers = new HashSet<string>(StringComparer.Ordinal);
        var references = new HashSet<string>(StringComparer.Ordinal);
        var jobs = new HashSet<string>(StringComparer.Ordinal);
        Int128 total = 0;
        for (var t = 0; t < transfers.Count; t++)
        {
            var transfer = transfers[t];
            var path = $"transfers[{t}]";
            RequireId(errors, path + ".supplierId", transfer.SupplierId);
            if (transfer.SupplierId is not null && !suppliers.Add(transfer.SupplierId))
            {
                errors.Add(new FieldError(path + ".supplierId", $"supplier {transfer.SupplierId} already has a transfer in this batch; pay each supplier once"));
            }

            RequireName(errors, path + ".payee.name", transfer.Payee?.Name);
            if (!CreditTransfer.IsValidReference(transfer.EndToEndReference))
            {
                errors.Add(new FieldError(path + ".endToEndReference", "must be " + CreditTransfer.ReferenceRule));
            }
            else if (!references.Add(transfer.EndToEndReference))
            {
                errors.Add(new FieldError(path + ".endToEndReference", $"reference {transfer.EndToEndReference} is already used in this batch"));
            }

            if (transfer.Lines.Count == 0)
            {
                errors.Add(new FieldError(path + ".lines", "a transfer pays for at least one job"));
            }

            Int128 amount = 0;
            for (var l = 0; l < transfer.Lines.Count; l++)
            {
                amount += CheckLine(errors, $"{path}.lines[{l}]", transfer.Lines[l], jobs);
            }

            if (transfer.Lines.Count > 0 && amount <= 0)
            {
                errors.Add(new FieldError(path + ".amount", "a transfer pays more than nothing"));
            }

            total += amount;
        }

        if (total > PaymentBatch.MaxTotalPence)
        {
            errors.Add(new FieldError("transfers", $"the batch total of {total} pence exceeds the largest total, {PaymentBatch.MaxTotalPence} pence"));
        }

        return errors;
    }

    // Returns the line's payable amount in pence, widened so that an absurd total is an error, not an overflow.
    private static Int128 CheckLine(List<FieldError> errors, string path, RemittanceLine line, HashSet<string> jobs)
    {
        RequireId(errors, path + ".jobId", line.JobId);
        if (line.JobId is not null && !jobs.Add(line.JobId))
        {
            errors.Add(new FieldError(path + ".jobId", $"job {line.JobId} is already paid in this batch"));
        }

        RequireId(errors, path + ".contractId", line.ContractId);
        if (string.IsNullOrWhiteSpace(line.ItemCode) || line.ItemCode.Length > MaxItemCodeLength || line.ItemCode.Any(char.IsControl))
        {
            errors.Add(new FieldError(path + ".itemCode", $"must be 1–{MaxItemCodeLength} characters with no control characters"));
        }

        if (line.Quantity < 1)
        {
            errors.Add(new FieldError(path + ".quantity", "must be at least 1"));
        }

        RequireNotNegative(errors, path + ".gross", line.Gross);
        RequireNotNegative(errors, path + ".net", line.Net);
        RequireNotNegative(errors, path + ".vat", line.Vat);
        if (line.Gross >= Money.Zero && line.Net > line.Gross)
        {
            errors.Add(new FieldError(path + ".net", $"net {line.Net} exceeds gross {line.Gross}; discounts and penalties only reduce a price"));
        }

        return (Int128)line.Net.Pence + line.Vat.Pence;
    }

    private static void RequireId(List<FieldError> errors, string field, string? id)
    {
        if (!Identifier.IsValid(id))
        {
            errors.Add(new FieldError(field, "must be " + Identifier.Rule));
        }
    }

    private static void RequireName(List<FieldError> errors, string field, string? name)
    {
        if (!BankAccount.IsValidAccountName(name))
        {
            errors.Add(new FieldError(field, "must be " + BankAccount.AccountNameRule));
        }
    }

    private static void RequireNotNegative(List<FieldError> errors, string field, Money amount)
    {
        if (amount < Money.Zero)
        {
            errors.Add(new FieldError(field, $"must not be negative (was {amount})"));
        }
    }
}
