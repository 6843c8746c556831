using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Signing;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>The package run, and the package made again.</summary>
public sealed partial class PackageTests
{
    /// <summary>
    /// The timers' schedules, which infra/ sets as app settings: the unpacked app is outside the repository, so no
    /// local.settings file supplies them.
    /// </summary>
    private static readonly Dictionary<string, string> ScheduleSettings = new()
    {
        ["Settlement__Schedule"] = "0 0 2 * * *",
        ["Ledger__CatchUpSchedule"] = "0 * * * * *",
    };

    /// <remarks>
    /// The Functions host cannot run here, so the app starts standalone; what this shows is that the package holds
    /// everything the app loads, on the shared runtime alone, with the settings Azure gives it.
    /// </remarks>
    [Fact]
    public async Task Unpacked_and_started_with_dotnet_the_app_publishes_its_signing_key_from_storage()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), "hl-test-keys", "package-signing-key.pem");

        await using var app = await HostProcess.StartAsync(azurite.ConnectionString, keyPath, ScheduleSettings, package.Unpacked.FullName);
        using var api = new ApiClient(app.BaseAddress);
        var jwks = await api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK);

        var published = jwks["keys"]!.AsArray().Select(k => (string?)k!["kid"]).ToList();
        Assert.Contains(LocalKeyFile.LoadOrCreate(keyPath).KeyId, published);
    }

    [Fact]
    public void Publishing_again_writes_the_same_bytes()
    {
        var again = PublishedPackage.Publish();

        Assert.True(again.ExitCode == 0, $"scripts/publish exited with {again.ExitCode} the second time:{Environment.NewLine}{again.Output}");
        Assert.Equal(package.Sha256, PublishedPackage.HashOfPackage());
    }
}
