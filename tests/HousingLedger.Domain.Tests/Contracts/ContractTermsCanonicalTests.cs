using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Contracts;

public sealed class ContractTermsCanonicalTests
{
    // The sample in RFC 8785 form, and its SHA-256, as written out independently of this code.
    private const string CanonicalSample =
        """{"ends":"2027-12-31","items":[{"code":"OVEN-600-SINGLE","description":"Supply and fit 60 cm electric single oven, make and model as schedule","unitPrice":34500},{"code":"HOB-600-CERAMIC","description":"Supply and fit 60 cm ceramic hob","unitPrice":21000},{"code":"COOKER-HOOD","description":"Supply and fit extractor hood","unitPrice":15500}],"latePenalty":{"reduction":"0.2","threshold":"0.1","window":"P12M"},"starts":"2026-01-01","supplierId":"sup_cookers01","timescales":{"emergency":"PT24H","routine":"P28D","urgent":"P7D"},"title":"Cooker and oven replacement framework 2026","vatRate":"0.2","volumeDiscount":{"tiers":[{"minUnits":1,"rate":"0"},{"minUnits":101,"rate":"0.05"},{"minUnits":501,"rate":"0.08"}]}}""";

    private const string SampleHash = "94fdcec9d4e4e2830254836be06a09c964a0b4f7e5c478be0563d662d971c40b";

    [Fact]
    public void ToCanonicalJson_WritesTheSpecShapeWithCanonicalValues() =>
        Assert.Equal(CanonicalSample, Jcs.CanonicalizeToString(SampleTerms.Terms().ToCanonicalJson()));

    [Fact]
    public void TermsHash_IsTheSha256OfTheCanonicalBytes_InLowerCaseHex()
    {
        Assert.Equal(SampleHash, SampleTerms.Terms().TermsHash);
        Assert.Equal(SampleHash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalSample))));
    }

    [Fact]
    public void FromCanonicalJson_OfToCanonicalJson_GivesEqualTerms()
    {
        var terms = SampleTerms.Terms();

        var again = ContractTerms.FromCanonicalJson(terms.ToCanonicalJson());

        Assert.Equal(terms, again);
        Assert.Equal(terms.GetHashCode(), again.GetHashCode());
        Assert.Equal(CanonicalSample, Jcs.CanonicalizeToString(again.ToCanonicalJson()));
    }

    [Fact]
    public void TwoSpellingsOfTheSameTerms_HaveOneCanonicalFormAndHash()
    {
        var respelt = SampleTerms.ParseWith(body =>
        {
            body["vatRate"] = "0.2000";
            body["timescales"]!["urgent"] = "P07D";
            body["latePenalty"]!["window"] = "P0Y12M";
            body["volumeDiscount"]!["tiers"]![1]!["rate"] = "0.050";
        }).Value;

        Assert.Equal(SampleTerms.Terms(), respelt);
        Assert.Equal(SampleHash, respelt.TermsHash);
    }

    [Theory]
    [InlineData("title", "Cooker and oven replacement framework 2027")]
    [InlineData("items[0].unitPrice", 34501)]
    [InlineData("timescales.emergency", "P1D")]
    [InlineData("volumeDiscount.tiers[2].rate", "0.09")]
    [InlineData("latePenalty.window", "P1Y")]
    public void AnyChangedTerm_ChangesTheHash(string path, object value)
    {
        var changed = SampleTerms.ParseWith(path, JsonValue.Create(value)).Value;

        Assert.NotEqual(SampleHash, changed.TermsHash);
        Assert.NotEqual(SampleTerms.Terms(), changed);
    }

    [Fact]
    public void FromCanonicalJson_OfTermsThatAreNotValid_Throws()
    {
        var canonical = SampleTerms.Terms().ToCanonicalJson();
        canonical["vatRate"] = "1.5";

        var thrown = Assert.Throws<ArgumentException>(() => ContractTerms.FromCanonicalJson(canonical));
        Assert.Contains("vatRate", thrown.Message, StringComparison.Ordinal);
    }
}
