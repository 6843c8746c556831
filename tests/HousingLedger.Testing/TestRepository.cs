using System.Runtime.CompilerServices;
using HousingLedger.Infrastructure.Storage.Azurite;

namespace HousingLedger.Testing;

/// <summary>The repository the tests were built from, found from this file's source path, wherever the build output went.</summary>
public static class TestRepository
{
    /// <summary>The repository root (the folder with <c>package.json</c>).</summary>
    public static string Root { get; } = RepositoryRoot.Find(SourceFolder(), AppContext.BaseDirectory, Environment.CurrentDirectory)
        ?? throw new InvalidOperationException($"No {RepositoryRoot.MarkerFile} above {SourceFolder()} or {AppContext.BaseDirectory}.");

    /// <summary>The full path of a file given relative to the repository root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? string.Empty;
}
