using System.Runtime.CompilerServices;

namespace HousingLedger;

/// <summary>
/// The source tree these tests were built from, found from this file's path wherever the build output went: for
/// reading the docs and project files the tests check, and rewriting golden files in place when asked to.
/// </summary>
internal static class SourceTree
{
    /// <summary>This test project's source folder.</summary>
    public static string TestProject { get; } = Folder();

    /// <summary>The repository root.</summary>
    public static string Repository { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    /// <summary>A path under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([Repository, .. parts]));

    private static string Folder([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
