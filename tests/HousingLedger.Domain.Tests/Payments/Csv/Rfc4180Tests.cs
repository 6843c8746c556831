namespace HousingLedger.Payments.Csv;

public sealed class Rfc4180Tests
{
    [Theory]
    [InlineData("OVEN-600", "OVEN-600")]
    [InlineData("", "")]
    [InlineData(" leading and trailing ", " leading and trailing ")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("line\r\nbreak", "\"line\r\nbreak\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("lf\nonly", "\"lf\nonly\"")]
    [InlineData("Élan ; Ffŵrn", "Élan ; Ffŵrn")]
    public void Field_QuotesOnlyWhenItMust(string value, string expected) =>
        Assert.Equal(expected, Rfc4180.Field(value));

    [Fact]
    public void Record_JoinsWithCommasAndEndsWithCrLf() =>
        Assert.Equal("a,\"b,c\",\r\n", Rfc4180.Record(["a", "b,c", ""]));
}
