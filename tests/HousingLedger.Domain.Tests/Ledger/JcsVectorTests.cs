using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>The RFC 8785 author's published samples and the number table of Appendix B.</summary>
public sealed class JcsVectorTests
{
    public static TheoryData<string> Samples() => new(LedgerTestData.NamesIn("jcs", "input"));

    public static TheoryData<string, string?> AppendixBNumbers()
    {
        var rows = new TheoryData<string, string?>();
        using var table = JsonDocument.Parse(File.ReadAllBytes(LedgerTestData.PathOf("jcs", "numbers-appendix-b.json")));
        foreach (var row in table.RootElement.EnumerateArray())
        {
            rows.Add(row.GetProperty("ieee754").GetString()!, row.GetProperty("canonical").GetString());
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Canonicalize_PublishedSample_MatchesPublishedBytes(string sample)
    {
        var input = JsonNode.Parse(File.ReadAllBytes(LedgerTestData.PathOf("jcs", "input", sample + ".json")));
        var expected = File.ReadAllBytes(LedgerTestData.PathOf("jcs", "output", sample + ".json"));

        var canonical = Jcs.Canonicalize(input);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Canonicalize_CanonicalForm_IsAFixedPoint(string sample)
    {
        var expected = File.ReadAllBytes(LedgerTestData.PathOf("jcs", "output", sample + ".json"));

        Assert.Equal(Encoding.UTF8.GetString(expected), Jcs.CanonicalizeToString(JsonNode.Parse(expected)));
    }

    [Theory]
    [MemberData(nameof(AppendixBNumbers))]
    public void Canonicalize_AppendixBDouble_WritesTheRfcForm(string ieee754, string? canonical)
    {
        var number = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieee754, 16));

        if (canonical is null)
        {
            var refused = Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonValue.Create(number)));
            Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(canonical, Jcs.CanonicalizeToString(JsonValue.Create(number)));
        Assert.Equal(canonical, Jcs.CanonicalizeToString(JsonNode.Parse(canonical)));
    }
}
