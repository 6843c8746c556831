using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>artifacts/functionapp.zip, as <c>scripts/publish</c> makes it, is what Flex Consumption needs and nothing more.</summary>
/// <remarks>Linux only, as <c>scripts/publish</c> is: the packaged handler is built for linux-x64 and run here.</remarks>
[SupportedOSPlatform("linux")]
public sealed class PackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    private static readonly TimeSpan HandlerTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Package_Root_HoldsHostJson_TheHandlerFolder_AndOneFolderPerDeclaredFunction_AndNothingElse()
    {
        var declared = await DeclaredFunctions.OfTheAppAsync();
        string[] expected = [.. new[] { "host.json", HandlerFolder() }.Concat(declared.Keys).Order(StringComparer.Ordinal)];

        string[] root = [.. package.Modes.Keys.Select(name => name.Split('/')[0]).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(expected, root);
    }

    [Fact]
    public async Task Package_FunctionJsonOfEachDeclaredFunction_IsWhatTheCodeWritesForIt()
    {
        var declared = await DeclaredFunctions.OfTheAppAsync();

        var differing = declared
            .Where(f => !File.Exists(FunctionJsonPath(f.Key)) || !JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(FunctionJsonPath(f.Key))), f.Value))
            .Select(f => $"{f.Key}: packaged {(File.Exists(FunctionJsonPath(f.Key)) ? File.ReadAllText(FunctionJsonPath(f.Key)) : "nothing")}, code writes {f.Value.ToJsonString()}")
            .ToList();

        Assert.True(differing.Count == 0, string.Join(Environment.NewLine, differing));
    }

    [Fact]
    public void Package_HostJsonAtTheRoot_IsTheRepositorysHostJson()
    {
        var packaged = Path.Combine(package.Unpacked.FullName, "host.json");

        Assert.True(File.Exists(packaged), "The package has no host.json at its root.");
        Assert.Equal(File.ReadAllText(TestRepository.PathOf("host.json")), File.ReadAllText(packaged));
    }

    [Fact]
    public void Package_HandlerNamedInHostJson_IsThere_AndExecutableOnceUnzippedOnLinux()
    {
        var handler = package.HandlerPath;
        const UnixFileMode executeByAll = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

        Assert.True(package.Modes.ContainsKey(handler), $"host.json names {handler} as the handler, but the package has no such entry.");
        Assert.True((package.Modes[handler] & executeByAll) == executeByAll, $"{handler} has mode {package.Modes[handler]}, not executable by all.");
        Assert.True(package.Platforms[handler] == ZipPlatforms.Unix, $"{handler} is marked as made on platform {package.Platforms[handler]}, so unzip tools would ignore its Unix mode.");
        Assert.True(File.GetUnixFileMode(Path.Combine(package.Unpacked.FullName, handler)).HasFlag(UnixFileMode.UserExecute), $"{handler} is not executable once unzipped.");
    }

    [Fact]
    public void Package_HoldsNoLocalSettingsAzuriteDataOrKeys()
    {
        var secrets = package.Modes.Keys.Where(name => name.Split('/').Any(IsLocalOnly)).ToList();

        Assert.True(secrets.Count == 0, $"Packaged, though local only: {string.Join(", ", secrets)}");
    }

    [Fact]
    public void PackagedHandler_IsSelfContained_SinceFlexConsumptionInstallsNoDotNetForACustomHandler()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Unpacked.FullName, package.HandlerPath + ".runtimeconfig.json")))!;

        Assert.True(runtimeConfig["runtimeOptions"]!["includedFrameworks"] is JsonArray { Count: > 0 }, $"The handler's runtimeconfig includes no frameworks: {runtimeConfig.ToJsonString()}");
        Assert.Null(runtimeConfig["runtimeOptions"]!["frameworks"]);
    }

    [Fact]
    public async Task PackagedHandler_StartedInItsWorkingFolder_DeclaresEveryFunctionOfTheCode()
    {
        var declared = await DeclaredFunctions.OfTheAppAsync();
        var output = Directory.CreateTempSubdirectory("functionapp-functions-");
        try
        {
            var run = CommandRun.Of(
                Path.Combine(package.Unpacked.FullName, package.HandlerPath),
                ["functions-json", "--output", output.FullName],
                Path.Combine(package.Unpacked.FullName, package.CustomHandler["workingDirectory"]!.GetValue<string>()),
                HandlerTimeout);

            Assert.True(run.ExitCode == 0, $"The packaged handler exited with {run.ExitCode}:{Environment.NewLine}{run.Output}");
            Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), output.EnumerateDirectories().Select(d => d.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Publish_RunAgain_WritesTheSameBytes()
    {
        var again = PublishedPackage.Publish();

        Assert.True(again.ExitCode == 0, $"scripts/publish exited with {again.ExitCode} the second time:{Environment.NewLine}{again.Output}");
        Assert.Equal(package.Sha256, PublishedPackage.HashOfPackage());
    }

    private static bool IsLocalOnly(string segment) =>
        segment is ".azurite" or ".local"
        || (segment.StartsWith("local.settings", StringComparison.Ordinal) && segment.EndsWith(".json", StringComparison.Ordinal))
        || segment.EndsWith(".pem", StringComparison.Ordinal);

    private string HandlerFolder() => package.HandlerPath.Split('/')[0];

    private string FunctionJsonPath(string functionName) => Path.Combine(package.Unpacked.FullName, functionName, "function.json");
}
