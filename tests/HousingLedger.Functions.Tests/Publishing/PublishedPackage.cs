using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>
/// <c>scripts/publish</c> run once for the package tests, and its package unpacked into a temporary folder with each
/// entry's Unix mode, as the platform unpacks it.
/// </summary>
public sealed class PublishedPackage : IDisposable
{
    /// <summary>A self-contained publish from a cold NuGet cache downloads the runtime packs first.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    public PublishedPackage()
    {
        var publish = Publish();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish exited with {publish.ExitCode}:{Environment.NewLine}{publish.Output}");
        }

        Sha256 = HashOfPackage();
        using var zip = ZipFile.OpenRead(ZipPath);
        Modes = zip.Entries.ToDictionary(e => e.FullName, e => (UnixFileMode)((e.ExternalAttributes >> 16) & 0x1FF), StringComparer.Ordinal);
        Platforms = ZipPlatforms.Of(ZipPath);
        zip.ExtractToDirectory(Unpacked.FullName);
    }

    public static string ZipPath { get; } = TestRepository.PathOf("artifacts/functionapp.zip");

    /// <summary>The SHA-256 of the package, in hex.</summary>
    public string Sha256 { get; }

    /// <summary>Each entry's Unix permission bits.</summary>
    public IReadOnlyDictionary<string, UnixFileMode> Modes { get; }

    /// <summary>Each entry's "version made by" platform.</summary>
    public IReadOnlyDictionary<string, byte> Platforms { get; }

    public DirectoryInfo Unpacked { get; } = Directory.CreateTempSubdirectory("functionapp-");

    /// <summary>The packaged host.json's <c>customHandler.description</c>.</summary>
    public JsonNode CustomHandler => JsonNode.Parse(File.ReadAllText(Path.Combine(Unpacked.FullName, "host.json")))!["customHandler"]!["description"]!;

    /// <summary>The handler's path in the package, as host.json names it.</summary>
    public string HandlerPath => CustomHandler["defaultExecutablePath"]!.GetValue<string>();

    internal static CommandRun Publish() => CommandRun.Of("bash", [TestRepository.PathOf("scripts/publish")], TestRepository.Root, PublishTimeout);

    public static string HashOfPackage()
    {
        using var file = File.OpenRead(ZipPath);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    public void Dispose() => Unpacked.Delete(recursive: true);
}
