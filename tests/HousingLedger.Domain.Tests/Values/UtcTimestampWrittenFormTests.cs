using System.Text;

namespace HousingLedger.Values;

/// <summary>Reading an instant's written form from UTF-8 takes exactly the texts that parsing and formatting again leave unchanged.</summary>
public sealed class UtcTimestampWrittenFormTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(637_000_000_000_000_001L)]
    [InlineData(639_080_000_002_500_000L)]
    [InlineData(3_155_378_975_999_999_999L)]
    public void TheWrittenFormOfAnyInstant_ReadsBackAsThatInstant(long ticks)
    {
        var instant = new DateTimeOffset(ticks, TimeSpan.Zero);

        Assert.True(UtcTimestamp.TryReadWritten(Encoding.UTF8.GetBytes(UtcTimestamp.Format(instant)), out var read));
        Assert.Equal(instant, read);
    }

    [Fact]
    public void AnyOneCharacterChanged_IsTakenExactlyWhenParsingAndFormattingGiveItBack()
    {
        const string Alphabet = "0123456789-:.TZ+ 9";
        foreach (var written in new[] { "2024-02-29T23:59:59.1234567Z", "2026-03-01T10:00:00Z", "2026-12-31T00:00:00.5Z", "0001-01-01T00:00:00Z" })
        {
            for (var at = 0; at <= written.Length; at++)
            {
                var variants = Alphabet.Select(c => at < written.Length ? written[..at] + c + written[(at + 1)..] : written + c)
                    .Append(at < written.Length ? written.Remove(at, 1) : written);
                foreach (var text in variants)
                {
                    var expected = UtcTimestamp.TryParse(text, out var parsed) && UtcTimestamp.Format(parsed) == text;
                    var taken = UtcTimestamp.TryReadWritten(Encoding.UTF8.GetBytes(text), out var read);
                    Assert.True(expected == taken, $"'{text}': expected {(expected ? "taken" : "refused")}");
                    Assert.Equal(expected ? parsed : default, read);
                }
            }
        }
    }
}
