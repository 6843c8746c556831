using System.Runtime.CompilerServices;

namespace HousingLedger.Cli;

/// <summary>
/// The source tree these tests were built from, found from this file's path: the domain's golden chain the bad
/// inputs are made from, and this project's testdata, rewritten in place when asked to.
/// </summary>
internal static class SourceTree
{
    public static string TestProject { get; } = Folder();

    public static string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([TestProject, "..", "..", .. parts]));

    private static string Folder([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
