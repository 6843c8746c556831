using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>The invariants of a <see cref="PaymentBatch"/>, each failure a field error naming where it is.</summary>
internal static class PaymentBatchChecks
{
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

            if (transfer.NumberOfJobs < 1)
            {
                errors.Add(new FieldError(path + ".numberOfJobs", "a transfer pays for at least one job"));
            }
            else if (transfer.Amount <= Money.Zero)
            {
                errors.Add(new FieldError(path + ".amount", "a transfer pays more than nothing"));
            }

            total += transfer.Amount.Pence;
        }

        if (total > PaymentBatch.MaxTotalPence)
        {
            errors.Add(new FieldError("transfers", $"the batch total of {total} pence exceeds the largest total, {PaymentBatch.MaxTotalPence} pence"));
        }

        return errors;
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
}
