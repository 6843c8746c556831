namespace HousingLedger.Payments.Bacs;

public sealed class BacsTextTests
{
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQR", "ABCDEFGHIJKLMNOPQR")]
    [InlineData("ABCDEFGHIJKLMNOPQRS", "ABCDEFGHIJKLMNOPQR")]
    [InlineData("ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPQ")]
    [InlineData("ABCDEFGHIJKLMNOPQ RST", "ABCDEFGHIJKLMNOPQ")]
    [InlineData("ABCDEFGHIJKLMNOPQÆ", "ABCDEFGHIJKLMNOPQA")]
    [InlineData("", "")]
    public void Clean_AtTheFieldEdge_CutsToEighteenWithoutTrailingSpace(string text, string expected) =>
        Assert.Equal(expected, BacsText.Clean(text, 18));

    [Theory]
    [InlineData("张力", "")]
    [InlineData("!!!@@@###", "")]
    [InlineData("'’“”", "")]
    [InlineData("😀🏠", "")]
    public void Clean_NothingCarriable_IsEmpty(string text, string expected) =>
        Assert.Equal(expected, BacsText.Clean(text, 18));

    [Theory]
    [InlineData("bright spark", "BRIGHT SPARK")]
    [InlineData("Élan Ffŵrn & Søn", "ELAN FFWRN & SON")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Æthelred Þorn Łukasz", "AETHELRED THORN LUKASZ")]
    [InlineData("O'Brien (Plumbing), Ltd.", "OBRIEN PLUMBING LTD.")]
    [InlineData("A/B-C.D&E", "A/B-C.D&E")]
    [InlineData("Smith – Jones", "SMITH - JONES")]
    [InlineData("  lots   of\tspace  ", "LOTS OF SPACE")]
    [InlineData("Zhang 张 Li", "ZHANG LI")]
    public void Clean_FoldsRaisesAndDrops(string text, string expected) =>
        Assert.Equal(expected, BacsText.Clean(text, 100));

    [Fact]
    public void Clean_FoldingEveryTableLetter_GivesOnlyAllowedCharacters()
    {
        var everyLatinLetter = new string([.. Enumerable.Range(0xC0, 0x17F - 0xC0 + 1).Select(code => (char)code)]);

        var cleaned = BacsText.Clean(everyLatinLetter, 1000);

        Assert.All(cleaned, c => Assert.True(BacsText.IsAllowed(c), $"'{c}' (U+{(int)c:X4}) is not a BACS character"));
        Assert.True(cleaned.Length > 150, $"only {cleaned.Length} characters survived: most Latin letters should fold");
    }
}
