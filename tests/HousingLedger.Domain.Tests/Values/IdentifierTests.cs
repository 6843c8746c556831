using System.Text;

namespace HousingLedger.Values;

// Each case holds for an id as text and as the UTF-8 bytes a ledger line holds.

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("job_3f9kq2")]
    [InlineData("sup-cookers-01")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek")]
    public void IsValid_LettersDigitsUnderscoresAndDashes_AfterALetterOrDigit(string id)
    {
        Assert.True(Identifier.IsValid(id), $"'{id}' was refused");
        Assert.True(Identifier.IsValid(Encoding.UTF8.GetBytes(id)), $"'{id}' was refused as UTF-8");
    }

    [Fact]
    public void IsValid_64Characters_IsTheLongest()
    {
        Assert.True(Identifier.IsValid(new string('a', 64)), "64 characters were refused");
        Assert.False(Identifier.IsValid(new string('a', 65)), "65 characters were accepted");
        Assert.True(Identifier.IsValid(Encoding.UTF8.GetBytes(new string('a', 64))), "64 bytes were refused");
        Assert.False(Identifier.IsValid(Encoding.UTF8.GetBytes(new string('a', 65))), "65 bytes were accepted");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("_job")]
    [InlineData("-job")]
    [InlineData("job 1")]
    [InlineData("job/1")]
    [InlineData("job'1")]
    [InlineData("job.1")]
    [InlineData("job:1")]
    [InlineData("job\r")]
    [InlineData("jöb")]
    [InlineData("job eq 'x'")]
    public void IsValid_AnythingElse_IsRefused(string? id)
    {
        Assert.False(Identifier.IsValid(id), $"'{id}' was accepted");
        Assert.False(Identifier.IsValid(Encoding.UTF8.GetBytes(id ?? string.Empty)), $"'{id}' was accepted as UTF-8");
    }

    [Fact]
    public void IsValid_ATrailingLineBreak_IsRefused() =>
        Assert.False(Identifier.IsValid("job\n"), "'job\\n' was accepted");

    [Fact]
    public void New_GivesThePrefixAnUnderscoreAnd20RandomBase32Characters()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Identifier.New("job")).ToList();

        Assert.All(ids, id =>
        {
            Assert.Matches("^job_[a-z2-7]{20}$", id);
            Assert.True(Identifier.IsValid(id), $"{id} breaks the rule it comes from");
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
