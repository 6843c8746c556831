using HousingLedger.Payments.Iso20022;
using HousingLedger.Values;

namespace HousingLedger.Payments;

public sealed class RemittanceTallyTests
{
    [Fact]
    public void Transfer_CountsTheLinesAndSumsWhatIsPayable()
    {
        var transfer = SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1", net: 100, vat: 20), SampleBatch.Line("job_2", net: 1000, vat: 200));

        Assert.Equal(2, transfer.NumberOfJobs);
        Assert.Equal(Money.FromPence(1320), transfer.Amount);
        Assert.Equal(["job_1", "job_2"], transfer.LeadingJobIds);
    }

    [Fact]
    public void Transfer_KeepsOnlyTheJobIdsTheRemittanceTextCanName()
    {
        var ids = Enumerable.Range(1, 1000).Select(n => $"job_{n:D6}").ToList();
        var transfer = SampleBatch.Transfer("sup_a", "REF001", [.. ids.Select(id => SampleBatch.Line(id))]);

        Assert.Equal(1000, transfer.NumberOfJobs);
        Assert.Equal(ids[..transfer.LeadingJobIds.Count], transfer.LeadingJobIds);
        Assert.True(transfer.LeadingJobIds.Sum(id => id.Length + 1) <= UnstructuredRemittance.JobIdsRoom, "kept more ids than the text can hold");
        Assert.True(transfer.LeadingJobIds.Sum(id => id.Length + 1) + ids[transfer.LeadingJobIds.Count].Length + 1 > UnstructuredRemittance.JobIdsRoom, "dropped an id the text could hold");
    }

    [Fact]
    public void Transfer_AfterAnIdThatDidNotFit_KeepsNoShorterOne()
    {
        string[] ids = ["job_1" + new string('x', 39), "job_2" + new string('x', 59), "job_3" + new string('x', 59), "job_4"];
        var transfer = SampleBatch.Transfer("sup_a", "REF001", [.. ids.Select(id => SampleBatch.Line(id))]);

        Assert.Equal(ids[..2], transfer.LeadingJobIds);
        Assert.Equal($"Jobs {ids[0]} {ids[1]} +2 more", UnstructuredRemittance.Describe(transfer));
    }

    [Fact]
    public void PaysAnything_OnlyWhenTheLinesSumToMoreThanNothing()
    {
        var tally = new RemittanceTally();
        tally.Add(SampleBatch.Line("job_1", net: 0, vat: 0));
        Assert.False(tally.PaysAnything);

        tally.Add(SampleBatch.Line("job_2", net: 1, vat: 0));
        Assert.True(tally.PaysAnything);
    }

    public static TheoryData<string, RemittanceLine, string> Refusals() => new()
    {
        { "a bad job id", SampleBatch.Line("job/1"), "jobId" },
        { "the job added last", SampleBatch.Line("job_5"), "jobId" },
        { "a job before the one added last", SampleBatch.Line("job_4"), "jobId" },
        { "a bad contract id", SampleBatch.Line("job_6") with { ContractId = "" }, "contractId" },
        { "an item code with a line break", SampleBatch.Line("job_6") with { ItemCode = "OVEN\n600" }, "itemCode" },
        { "no units", SampleBatch.Line("job_6", quantity: 0), "quantity" },
        { "a negative gross", SampleBatch.Line("job_6", net: 0, vat: 1, gross: -1), "gross" },
        { "a negative VAT", SampleBatch.Line("job_6", net: 100, vat: -1), "vat" },
        { "net above gross", SampleBatch.Line("job_6", net: 101, gross: 100), "net" },
        { "a sum beyond 2^53 - 1 pence", SampleBatch.Line("job_6", net: PaymentBatch.MaxTotalPence, vat: 0), "payable" },
        { "an overflowing payable", SampleBatch.Line("job_6", net: long.MaxValue, vat: long.MaxValue, gross: long.MaxValue), "payable" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Add_BadLine_IsRefusedNamingTheFieldAndNotCounted(string situation, RemittanceLine line, string field)
    {
        var tally = new RemittanceTally();
        Assert.Empty(tally.Add(SampleBatch.Line("job_5", net: 10, vat: 0)));

        var errors = tally.Add(line);

        Assert.True(errors.Count == 1 && errors[0].Field == field, $"{situation}: expected one error at {field}, got {SampleBatch.Describe(errors)}");
        Assert.Equal(1, tally.NumberOfJobs);
        Assert.Equal(Money.FromPence(10), tally.ToCreditTransfer("sup_a", SampleBatch.Payer, "REF001", false).Amount);
    }
}
