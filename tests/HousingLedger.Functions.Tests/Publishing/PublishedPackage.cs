using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>
/// <c>scripts/publish</c> run once for the package tests, and its package unpacked into a temporary folder, as the
/// platform unpacks it.
/// </summary>
public sealed class PublishedPackage : IDisposable
{
    /// <summary>A first publish from a cold NuGet cache restores the function app's packages for linux-x64 first.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public PublishedPackage()
    {
        var publish = Publish();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish exited with {publish.ExitCode}:{Environment.NewLine}{publish.Output}");
        }

        Sha256 = HashOfPackage();
        var platforms = ZipPlatforms.Of(ZipPath);
        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = [.. zip.Entries.Select(e => new PackageEntry(e.FullName, (UnixFileMode)((e.ExternalAttributes >> 16) & 0x1FF), e.LastWriteTime, platforms[e.FullName]))];
        zip.ExtractToDirectory(Unpacked.FullName);
    }

    public static string ZipPath { get; } = TestRepository.PathOf("artifacts/functionapp.zip");

    /// <summary>The SHA-256 of the package, in hex.</summary>
    public string Sha256 { get; }

    /// <summary>The zip's entries, in the order it holds them.</summary>
    public IReadOnlyList<PackageEntry> Entries { get; }

    public DirectoryInfo Unpacked { get; } = Directory.CreateTempSubdirectory("functionapp-");

    internal static CommandRun Publish() => CommandRun.Of("bash", [TestRepository.PathOf("scripts/publish")], TestRepository.Root, PublishTimeout);

    public static string HashOfPackage()
    {
        using var file = File.OpenRead(ZipPath);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    /// <summary>A JSON file of the unpacked package.</summary>
    public JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(Path.Combine(Unpacked.FullName, path)))!;

    public bool Holds(string path) => File.Exists(Path.Combine(Unpacked.FullName, path));

    public void Dispose() => Unpacked.Delete(recursive: true);
}

/// <summary>One entry of the package: its path, Unix permission bits, timestamp and "version made by" platform.</summary>
public sealed record PackageEntry(string Name, UnixFileMode Mode, DateTimeOffset LastWriteTime, byte MadeOnPlatform);
