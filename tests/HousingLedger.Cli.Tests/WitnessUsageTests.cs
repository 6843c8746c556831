using System.Net;
using System.Text;
using HousingLedger.Witnessing;

namespace HousingLedger.Cli;

/// <summary>
/// What <c>hl witness-key</c> and <c>hl witness</c> refuse, and what <c>hl witness</c> makes of a service that does not
/// answer as the service does. Its runs against the real service are in the function app's tests, which start it.
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

    [Fact]
    public async Task A_chain_no_association_can_have_is_a_usage_error_naming_the_argument()
    {
        var run = await HlRun.InProcessAsync(
            "witness", "../assoc_meadow", "--service", "http://127.0.0.1:9/", "--api-key-file", "api.key", "--key", KeyPath, "--state", "state");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("CHAIN: expected a chain name", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", 1)]
    [InlineData("<html>down for maintenance</html>", 1)]
    [InlineData("[]", 1)]
    [InlineData(null, 2)]
    public async Task A_service_answering_junk_or_too_much_is_never_cosigned_and_never_crashes_the_witness(string? answer, int exitCode)
    {
        // null: a JWKS padded to 2 MiB, past what the witness reads from a service.
        using var service = new CannedService(answer ?? "{\"keys\":[" + new string(' ', 2 << 20) + "]}");
        await HlRun.InProcessAsync("witness-key", "witness.riverside.example/hl", "--out", KeyPath);
        var apiKey = Path.Combine(folder.FullName, "api.key");
        await File.WriteAllTextAsync(apiKey, "key");
        var state = Path.Combine(folder.FullName, "state");

        var run = await HlRun.InProcessAsync(
            "witness", "asc_meadow", "--service", service.Address, "--api-key-file", apiKey, "--key", KeyPath, "--state", state);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(state), "The witness kept a state after cosigning nothing.");
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A loopback HTTP server that answers every request with the same 200 body.</summary>
    private sealed class CannedService : IDisposable
    {
        private readonly HttpListener listener = new();

        public CannedService(string body)
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(Address);
            listener.Start();
            _ = Task.Run(async () =>
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                while (listener.IsListening)
                {
                    try
                    {
                        var context = await listener.GetContextAsync();
                        context.Response.StatusCode = 200;
                        await context.Response.OutputStream.WriteAsync(bytes);
                        context.Response.Close();
                    }
                    catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or IOException)
                    {
                        // The listener stopped, or the witness hung up on a long answer.
                    }
                }
            });
        }

        public string Address { get; }

        public void Dispose() => listener.Close();

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
