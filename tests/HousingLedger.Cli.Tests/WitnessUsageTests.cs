using HousingLedger.Witnessing;

namespace HousingLedger.Cli;

/// <summary>
/// What <c>hl witness-key</c> and <c>hl witness</c> refuse before they touch a key or the service. Their runs against
/// the service are in the function app's tests, which start it.
/// </summary>
public sealed class WitnessUsageTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hl-witness-");

    private string KeyPath => Path.Combine(folder.FullName, "witness.key");

    [Fact]
    public async Task A_witness_key_is_written_once_and_never_overwritten()
    {
        var made = await HlRun.InProcessAsync("witness-key", "witness.riverside.example/hl", "--out", KeyPath);
        var key = await File.ReadAllTextAsync(KeyPath);
        var again = await HlRun.InProcessAsync("witness-key", "witness.riverside.example/hl", "--out", KeyPath);

        Assert.True(made.ExitCode == 0, made.ToString());
        using (var parsed = WitnessKey.Parse(key, out var reason))
        {
            Assert.True(parsed is not null, reason);
            Assert.Equal(parsed.Public.ToVerifierKey() + "\n", made.Stdout);
        }

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Equal(key, await File.ReadAllTextAsync(KeyPath));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://housingledger.example")]
    public async Task A_service_address_that_is_not_http_is_a_usage_error_naming_the_option(string address)
    {
        await HlRun.InProcessAsync("witness-key", "witness.riverside.example/hl", "--out", KeyPath);
        var apiKey = Path.Combine(folder.FullName, "api.key");
        await File.WriteAllTextAsync(apiKey, "key");

        var run = await HlRun.InProcessAsync(
            "witness", "asc_meadow", "--service", address, "--api-key-file", apiKey, "--key", KeyPath, "--state", Path.Combine(folder.FullName, "state"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--service", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
