using HousingLedger.Functions.Tests.Support;
using HousingLedger.LoadGenerator.Faults;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Reliability;

/// <summary>
/// The fault runs of docs/reliability.md, small enough for every build: each must hold in full. They check what
/// the service does with bad input, repeated or early webhooks and poison messages, never how fast.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class FaultRunTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    // Fixed, so a failure here replays exactly with the command's --seed.
    private const int Seed = 20260112;

    private readonly StringWriter report = new();

    [Fact]
    public async Task Malformed_requests_are_each_refused_with_a_problem_and_append_nothing()
    {
        var verdict = await FuzzRun.RunAsync(Options(requests: 400), report, CancellationToken.None);

        Assert.True(verdict.Sound, report.ToString());
        Assert.Equal(400, verdict.Held);
    }

    [Fact]
    public async Task Supplier_webhooks_delivered_twice_and_out_of_order_are_each_on_their_chain_once()
    {
        var verdict = await DuplicatesRun.RunAsync(Options(jobs: 12), report, CancellationToken.None);

        Assert.True(verdict.Sound, report.ToString());
        Assert.Equal(24, verdict.Held);
    }

    private InputFaultOptions Options(int requests = 1, int jobs = 1) =>
        new(Host.BaseAddress, ServiceHost.OperatorKey, Seed, requests, jobs, Messages: 1, Concurrency: 8, Timeout: TimeSpan.FromSeconds(45));
}

/// <summary>
/// The poison run of docs/reliability.md, small: it starts its own host (and no other runs beside it, so every
/// attempt at a message is its host's and counted).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PoisonRunTests(AzuriteFixture azurite)
{
    private readonly StringWriter report = new();

    [Fact]
    public async Task Poison_messages_end_in_the_poison_queues_while_jobs_keep_reaching_their_chains()
    {
        // The run's host takes the keys every test host of this run shares.
        var options = new InputFaultOptions(new Uri("http://127.0.0.1/"), ServiceHost.OperatorKey, 20260112, 1, Jobs: 12, Messages: 1, Concurrency: 8, Timeout: TimeSpan.FromSeconds(45));
        var verdict = await PoisonRun.RunAsync(options, azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Operator:ApiKey"] = ServiceHost.OperatorKey,
            ["Signing:LocalKeyPath"] = Path.Combine(Path.GetTempPath(), "hl-test-keys", "signing-key.pem"),
            ["WebhookSecrets:LocalKeyPath"] = ServiceHost.WebhookSecretsKeyPath,
        }, report, CancellationToken.None);

        Assert.True(verdict.Sound, report.ToString());
        Assert.Equal(PoisonRun.ListenedQueues().Count * 4, verdict.Held);
    }
}


/// <summary>What the fuzz run found: a body that never arrives whole is the caller's fault, not a 500.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class IncompleteBodyTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_refused_as_incomplete_not_a_server_error()
    {
        var body = "{\"name\":\"x\",\"role\":\"auditor\"}"u8.ToArray();
        var head = $"POST /api/settlements HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + $"Authorization: Bearer {ServiceHost.OperatorKey}\r\nContent-Length: {body.Length + 50}\r\n\r\n";

        var answer = await LoadGenerator.Faults.RawHttp.SendAsync(Host.BaseAddress, [.. System.Text.Encoding.ASCII.GetBytes(head), .. body], CancellationToken.None);

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("urn:housingledger:problem:incomplete-body", answer.Body, StringComparison.Ordinal);
    }
}
