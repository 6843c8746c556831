using System.Collections.Frozen;

namespace HousingLedger.Payments.Bacs;

/// <summary>
/// Upper-case ASCII spellings of the accented and special Latin letters found in UK, Irish and European names
/// (Latin-1, Latin Extended-A and the Welsh <c>ẁ ẃ ẅ ỳ</c>), so <c>Élan Ffŵrn</c> keeps its letters in a bank
/// file as <c>ELAN FFWRN</c>. The table is explicit because Unicode decomposition is not available under
/// invariant globalization, and because letters such as <c>Æ ß Ø Ł Þ</c> do not decompose at all.
/// </summary>
internal static class LatinFolding
{
    private static readonly FrozenDictionary<char, string> Table = Build(
        ("A", "ÀÁÂÃÄÅàáâãäåĀāĂăĄą"),
        ("AE", "Ææ"),
        ("C", "ÇçĆćĈĉĊċČč"),
        ("D", "ÐðĎďĐđ"),
        ("E", "ÈÉÊËèéêëĒēĔĕĖėĘęĚě"),
        ("G", "ĜĝĞğĠġĢģ"),
        ("H", "ĤĥĦħ"),
        ("I", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı"),
        ("IJ", "Ĳĳ"),
        ("J", "Ĵĵ"),
        ("K", "Ķķĸ"),
        ("L", "ĹĺĻļĽľĿŀŁł"),
        ("N", "ÑñŃńŅņŇňŉŊŋ"),
        ("O", "ÒÓÔÕÖØòóôõöøŌōŎŏŐő"),
        ("OE", "Œœ"),
        ("R", "ŔŕŖŗŘř"),
        ("S", "ŚśŜŝŞşŠšſ"),
        ("SS", "ß"),
        ("T", "ŢţŤťŦŧ"),
        ("TH", "Þþ"),
        ("U", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"),
        ("W", "ŴŵẀẁẂẃẄẅ"),
        ("Y", "ÝýÿŶŷŸỲỳ"),
        ("Z", "ŹźŻżŽž"),
        ("-", "‐‑‒–—−"));

    /// <summary>The ASCII spelling of <paramref name="letter"/>, or null when it has none.</summary>
    public static string? Fold(char letter) => Table.GetValueOrDefault(letter);

    private static FrozenDictionary<char, string> Build(params (string Ascii, string Letters)[] groups) =>
        groups.SelectMany(group => group.Letters.Select(letter => KeyValuePair.Create(letter, group.Ascii))).ToFrozenDictionary();
}
