using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>Small, valid batch parts for tests that care about one thing at a time.</summary>
internal static class SampleBatch
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly PaymentDate = new(2026, 3, 4);

    public static PaymentParty Payer { get; } = new("Riverside Homes", Account("309634", "12345678", "Riverside Homes Ltd"));

    public static BankAccount Account(string sortCode, string accountNumber, string name) =>
        new(SortCode.Parse(sortCode, "sortCode").Value, AccountNumber.Parse(accountNumber, "accountNumber").Value, name);

    public static RemittanceLine Line(string jobId, long net = 34500, long vat = 6900, long? gross = null, int quantity = 1) =>
        new(jobId, "con_ovens", "OVEN-600-SINGLE", quantity, Money.FromPence(gross ?? net), Rate.Zero, Rate.Zero, Money.FromPence(net), Money.FromPence(vat));

    /// <summary>Supplier <paramref name="supplierId"/>'s transfer paying <paramref name="lines"/>, which must be valid and in job id order.</summary>
    public static CreditTransfer Transfer(string supplierId, string reference, params RemittanceLine[] lines)
    {
        var tally = new RemittanceTally();
        foreach (var line in lines)
        {
            var errors = tally.Add(line);
            Assert.True(errors.Count == 0, $"the sample line {line.JobId} was refused: {Describe(errors)}");
        }

        return tally.ToCreditTransfer(supplierId, new PaymentParty("Supplier " + supplierId, Account("200000", "55779911", "Supplier " + supplierId)), reference, false);
    }

    public static Validated<PaymentBatch> Create(params CreditTransfer[] transfers) =>
        PaymentBatch.Create("pb_sample", "assoc_riverside", "run_0302", CreatedAt, PaymentDate, Payer, transfers);

    public static PaymentBatch Valid(params CreditTransfer[] transfers)
    {
        var batch = Create(transfers);
        Assert.True(batch.IsValid, "the sample batch was refused: " + string.Join("; ", batch.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return batch.Value;
    }

    public static string Describe(IEnumerable<FieldError> errors) => string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
