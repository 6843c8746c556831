namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>Finds the repository root: the nearest folder holding <c>package.json</c>, which pins Azurite.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "package.json";

    /// <summary>
    /// The nearest folder at or above each start folder, tried in order, that holds <see cref="MarkerFile"/>;
    /// <see langword="null"/> when none has one. Null or empty start folders are skipped.
    /// </summary>
    public static string? Find(params IEnumerable<string?> startFolders)
    {
        foreach (var start in startFolders)
        {
            if (string.IsNullOrEmpty(start))
            {
                continue;
            }

            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
