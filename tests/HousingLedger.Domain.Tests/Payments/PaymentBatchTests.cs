using HousingLedger.Values;

namespace HousingLedger.Payments;

public sealed class PaymentBatchTests
{
    [Fact]
    public void Create_DerivesTotalsFromTheTransfers()
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1", net: 100, vat: 20), SampleBatch.Line("job_2", net: 1000, vat: 200)),
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_3", net: 5, vat: 1)));

        Assert.Equal(Money.FromPence(1320), batch.Transfers[0].Amount);
        Assert.Equal(Money.FromPence(6), batch.Transfers[1].Amount);
        Assert.Equal(Money.FromPence(1326), batch.ControlSum);
        Assert.Equal(2, batch.NumberOfTransactions);
        Assert.Equal(3, batch.NumberOfJobs);
    }

    [Fact]
    public void Create_OrdersTransfersBySupplier()
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_10"), SampleBatch.Line("job_9")),
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_5")));

        Assert.Equal(["sup_a", "sup_b"], batch.Transfers.Select(transfer => transfer.SupplierId));
        Assert.Equal(["job_10", "job_9"], batch.Transfers[1].LeadingJobIds);
    }

    [Fact]
    public void Transfer_KeepsItsOwnCopyOfTheJobIds()
    {
        var jobIds = new List<string> { "job_1" };
        var transfer = new CreditTransfer("sup_a", SampleBatch.Payer, "REF001", false, Money.FromPence(1), 1, jobIds);

        jobIds.Add("job_2");

        Assert.Equal(["job_1"], transfer.LeadingJobIds);
    }

    [Fact]
    public void Line_Payable_IsNetPlusVat() =>
        Assert.Equal(Money.FromPence(41400), SampleBatch.Line("job_1", net: 34500, vat: 6900).Payable);

    public static TheoryData<string, CreditTransfer[], string> Refusals() => new()
    {
        { "no transfers", [], "transfers" },
        { "a supplier twice", [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1")), SampleBatch.Transfer("sup_a", "REF002", SampleBatch.Line("job_2"))], "transfers[1].supplierId" },
        { "a reference twice", [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1")), SampleBatch.Transfer("sup_b", "REF001", SampleBatch.Line("job_2"))], "transfers[1].endToEndReference" },
        { "a reference BACS cannot carry", [SampleBatch.Transfer("sup_a", "ref001", SampleBatch.Line("job_1"))], "transfers[0].endToEndReference" },
        { "a transfer without jobs", [SampleBatch.Transfer("sup_a", "REF001")], "transfers[0].numberOfJobs" },
        { "a transfer of nothing", [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1", net: 0, vat: 0))], "transfers[0].amount" },
        { "a bad supplier id", [SampleBatch.Transfer("sup a", "REF001", SampleBatch.Line("job_1"))], "transfers[0].supplierId" },
        { "a payee without a name", [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1")) with { Payee = SampleBatch.Payer with { Name = " " } }], "transfers[0].payee.name" },
        {
            "a total beyond 2^53 - 1 pence",
            [
                SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1", net: PaymentBatch.MaxTotalPence, vat: 0)),
                SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_2", net: 1, vat: 0)),
            ],
            "transfers"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Create_BrokenInvariant_IsRefusedNamingTheField(string situation, CreditTransfer[] transfers, string field)
    {
        var batch = SampleBatch.Create(transfers);

        Assert.False(batch.IsValid, $"a batch with {situation} was accepted");
        Assert.True(batch.Errors.Count == 1 && batch.Errors[0].Field == field, $"{situation}: expected one error at {field}, got {SampleBatch.Describe(batch.Errors)}");
    }

    [Theory]
    [InlineData("pb_12345678901234567890123456789012", true)]
    [InlineData("pb_123456789012345678901234567890123", false)]
    [InlineData("pb batch", false)]
    public void Create_BatchId_MustFitThePain001MessageId(string batchId, bool accepted)
    {
        var batch = PaymentBatch.Create(batchId, "assoc_a", "run_a", SampleBatch.CreatedAt, SampleBatch.PaymentDate, SampleBatch.Payer, [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1"))]);

        Assert.True(accepted == batch.IsValid, $"{batchId} ({batchId.Length} characters): {SampleBatch.Describe(batch.Errors)}");
    }

    [Fact]
    public void Create_EveryProblem_IsReportedAtOnce()
    {
        var batch = PaymentBatch.Create(
            "", "assoc a", "", SampleBatch.CreatedAt, SampleBatch.PaymentDate, SampleBatch.Payer with { Name = "" },
            [SampleBatch.Transfer("sup_a", "bad")]);

        Assert.Equal(
            ["batchId", "associationId", "runId", "payer.name", "transfers[0].endToEndReference", "transfers[0].numberOfJobs"],
            batch.Errors.Select(error => error.Field));
    }
}
