namespace HousingLedger.Infrastructure.LocalFiles;

/// <summary>
/// A development key file (the local signing key, the local key-encryption key): created once, on first run,
/// readable and writable by its owner only, and never overwritten.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>
    /// The text at <paramref name="path"/>; when there is no file, writes <paramref name="create"/>'s text there
    /// first. Two processes starting at once end up with one file: the first to move its copy into place wins, and
    /// the other reads the winner's.
    /// </summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        var text = create();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(text);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return text;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return File.ReadAllText(path);
        }
    }
}
