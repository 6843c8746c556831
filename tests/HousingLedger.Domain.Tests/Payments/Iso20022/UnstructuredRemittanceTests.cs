namespace HousingLedger.Payments.Iso20022;

public sealed class UnstructuredRemittanceTests
{
    [Fact]
    public void Describe_FewJobs_ListsThemAll() =>
        Assert.Equal("Jobs job_1 job_2", UnstructuredRemittance.Describe(Transfer(2, "job_")));

    [Fact]
    public void Describe_TooManyJobs_ListsWhatFitsAndCountsTheRest()
    {
        var text = UnstructuredRemittance.Describe(Transfer(40, "job_abcdefghijklmnopqrstuv_"));

        Assert.True(text.Length <= UnstructuredRemittance.MaxLength, $"{text.Length} characters: {text}");
        Assert.Matches(@"^Jobs( job_abcdefghijklmnopqrstuv_\d+)+ \+\d+ more$", text);
        var listed = text.Split(' ').Count(word => word.StartsWith("job_", StringComparison.Ordinal));
        Assert.EndsWith($" +{40 - listed} more", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(200)]
    public void Describe_LongestIds_NeverExceeds140Characters(int jobs)
    {
        var text = UnstructuredRemittance.Describe(Transfer(jobs, "j" + new string('x', 60)));

        Assert.True(text.Length <= UnstructuredRemittance.MaxLength, $"{text.Length} characters: {text}");
    }

    private static CreditTransfer Transfer(int jobs, string prefix) =>
        SampleBatch.Transfer("sup_a", "REF001", [.. Enumerable.Range(1, jobs).Select(n => prefix + n).Order(StringComparer.Ordinal).Select(id => SampleBatch.Line(id))]);
}
