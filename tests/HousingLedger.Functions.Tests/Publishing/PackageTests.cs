using System.Text.Json.Nodes;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>
/// artifacts/functionapp.zip, as <c>scripts/publish</c> makes it, is the .NET isolated worker package Flex Consumption
/// runs: the function app's publish output at the root with the repository's host.json, and nothing of this machine.
/// </summary>
/// <remarks>
/// In the storage collection because one test starts the unpacked app against the run's Azurite; one class, so the
/// package is published once for all of them.
/// </remarks>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class PackageTests(PublishedPackage package, AzuriteFixture azurite) : IClassFixture<PublishedPackage>
{
    private const string AppDll = "HousingLedger.Functions.dll";

    [Fact]
    public void Host_json_at_the_root_is_the_repository_s_with_no_custom_handler_or_extension_bundle()
    {
        var host = Packaged("host.json");

        Assert.Equal(File.ReadAllText(TestRepository.PathOf("host.json")), File.ReadAllText(Path.Combine(package.Unpacked.FullName, "host.json")));
        Assert.Null(host["customHandler"]);
        Assert.Null(host["extensionBundle"]);
    }

    [Fact]
    public void Functions_metadata_declares_exactly_what_the_SDK_wrote_for_the_tested_build()
    {
        var built = FunctionsByName(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!);
        var packaged = FunctionsByName(Packaged("functions.metadata"));

        Assert.NotEmpty(built);
        Assert.Equal(built.Keys.Order(StringComparer.Ordinal), packaged.Keys.Order(StringComparer.Ordinal));
        var differing = built
            .Where(f => !JsonNode.DeepEquals(f.Value, packaged[f.Key]))
            .Select(f => $"{f.Key}: packaged {packaged[f.Key].ToJsonString()}, built {f.Value.ToJsonString()}")
            .ToList();
        Assert.True(differing.Count == 0, string.Join(Environment.NewLine, differing));
    }

    [Fact]
    public void Worker_config_has_the_host_start_the_app_s_dll_with_dotnet()
    {
        var description = Packaged("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        Assert.Equal(AppDll, (string?)description["defaultWorkerPath"]);
        Assert.True(package.Holds(AppDll), $"worker.config.json names {AppDll}, which the package does not hold.");
    }

    [Fact]
    public void Extensions_json_names_the_queue_extension_and_the_azurefunctions_folder_holds_every_extension_it_names()
    {
        var extensions = Packaged("extensions.json")["extensions"]!.AsArray().Select(e => (Name: (string)e!["name"]!, HintPath: (string)e["hintPath"]!)).ToList();

        // HTTP and timers are the host's own; the queue triggers need the extension the worker SDK built.
        Assert.Contains("AzureStorageQueues", extensions.Select(e => e.Name));
        var missing = extensions.Where(e => !e.HintPath.StartsWith("./.azurefunctions/", StringComparison.Ordinal) || !package.Holds(e.HintPath)).ToList();
        Assert.True(missing.Count == 0, $"extensions.json names extensions that are not in the package's .azurefunctions/: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_app_is_framework_dependent_on_the_NET_10_and_ASP_NET_Core_runtimes_the_platform_brings()
    {
        var options = Packaged("HousingLedger.Functions.runtimeconfig.json")["runtimeOptions"]!;
        var frameworks = (options["frameworks"] as JsonArray ?? []).Select(f => (Name: (string)f!["name"]!, Version: (string)f["version"]!)).ToList();

        Assert.True(options["includedFrameworks"] is null, $"The app carries its own runtime (self-contained): {options.ToJsonString()}");
        Assert.Equal(["Microsoft.AspNetCore.App", "Microsoft.NETCore.App"], frameworks.Select(f => f.Name).Order(StringComparer.Ordinal));
        // Flex Consumption's dotnet-isolated 10.0 runtime (infra/) runs .NET 10 and nothing later.
        Assert.All(frameworks, f => Assert.StartsWith("10.", f.Version, StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_holds_no_local_settings_Azurite_data_or_keys()
    {
        var secrets = package.Entries.Select(e => e.Name).Where(name => name.Split('/').Any(IsLocalOnly)).ToList();

        Assert.True(secrets.Count == 0, $"Packaged, though local only: {string.Join(", ", secrets)}");
    }

    [Fact]
    public void Entries_are_in_name_order_stamped_alike_and_made_on_Unix_with_mode_0644_or_0755()
    {
        const UnixFileMode Readable = (UnixFileMode)0b110_100_100;
        const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
        var names = package.Entries.Select(e => e.Name).ToList();
        var stamp = package.Entries[0].LastWriteTime;

        var irregular = package.Entries
            .Where(e => e.LastWriteTime != stamp || e.MadeOnPlatform != ZipPlatforms.Unix || e.Mode is not (Readable or Executable))
            .Select(e => $"{e.Name}: mode {Convert.ToString((int)e.Mode, 8)}, stamped {e.LastWriteTime:O}, made on platform {e.MadeOnPlatform}")
            .ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.True(irregular.Count == 0, $"Unlike the first entry ({stamp:O}) or not made on Unix with mode 644 or 755:{Environment.NewLine}{string.Join(Environment.NewLine, irregular)}");
    }

    private static Dictionary<string, JsonNode> FunctionsByName(JsonNode metadata) =>
        metadata.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!, StringComparer.Ordinal);

    private static bool IsLocalOnly(string segment) =>
        segment is ".azurite" or ".local"
        || (segment.StartsWith("local.settings", StringComparison.Ordinal) && segment.EndsWith(".json", StringComparison.Ordinal))
        || segment.EndsWith(".pem", StringComparison.Ordinal);

    /// <summary>A JSON file at the package's root, which the test needs there.</summary>
    private JsonNode Packaged(string path)
    {
        Assert.True(package.Holds(path), $"The package has no {path} at its root.");
        return package.ReadJson(path);
    }
}
