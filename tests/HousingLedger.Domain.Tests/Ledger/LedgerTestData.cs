namespace HousingLedger.Ledger;

/// <summary>Finds the ledger's test vectors, which the build copies next to the test assembly.</summary>
internal static class LedgerTestData
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);

    public static IEnumerable<string> NamesIn(params string[] folder) =>
        Directory.EnumerateFiles(PathOf(folder), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;
}
