using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The custom-handler invocation endpoint, fed the payloads the Functions host sends (testdata/Hosting/invocations).</summary>
public sealed class InvocationEndpointTests : IAsyncLifetime
{
    private readonly InvocationLog log = new();
    private RunningApp running = null!;

    public static TheoryData<string> QueuePayloads => Payloads("queue");

    public static TheoryData<string> TimerPayloads => Payloads("timer");

    public async Task InitializeAsync()
    {
        var builder = TestApps.CustomHandler();
        builder.AddFunctionsHost();
        builder.Services.AddSingleton(log);
        builder.Services.AddQueueFunction<RecordingQueueFunction>("LedgerAppend", "ledger-append");
        builder.Services.AddTimerFunction<RecordingTimerFunction>("Settlement", "Settlement:Schedule", "0 0 2 * * *");
        builder.Services.AddTimerFunction<FailingTimerFunction>("BrokenSettlement", "Broken:Schedule", "0 0 3 * * *");
        var app = builder.Build();
        app.MapGroup("/api").MapGet("/health", () => "ok").WithName("Health");
        app.MapFunctionInvocations();
        running = await RunningApp.StartAsync(app);
    }

    public async Task DisposeAsync() => await running.DisposeAsync();

    [Theory]
    [MemberData(nameof(QueuePayloads))]
    public async Task QueueInvocation_AsTheHostSendsIt_RunsTheFunctionWithTheDecodedMessage(string file)
    {
        var (payload, expected) = Read(file);

        using var response = await PostAsync("/LedgerAppend", payload);

        await AssertSucceededAsync(response);
        var message = Assert.Single(log.Messages);
        Assert.Equal(expected["body"]!.GetValue<string>(), message.Body);
        Assert.Equal(expected["id"]!.GetValue<string>(), message.Id);
        Assert.Equal(expected["dequeueCount"]!.GetValue<long>(), message.DequeueCount);
        Assert.Equal(ExpectedInstant(expected["insertedOn"]), message.InsertedOn);
    }

    [Theory]
    [MemberData(nameof(TimerPayloads))]
    public async Task TimerInvocation_AsTheHostSendsIt_RunsTheFunctionWithTheTick(string file)
    {
        var (payload, expected) = Read(file);

        using var response = await PostAsync("/Settlement", payload);

        await AssertSucceededAsync(response);
        var tick = Assert.Single(log.Ticks);
        Assert.Equal(ExpectedInstant(expected["scheduledAt"]), tick.ScheduledAt);
        Assert.Equal(expected["isPastDue"]!.GetValue<bool>(), tick.IsPastDue);
    }

    [Fact]
    public async Task FunctionNames_AreMatchedIgnoringCase_AsTheHostDoes()
    {
        using var response = await PostAsync("/ledgerappend", """{"Data":{"message":"hello"}}""");

        await AssertSucceededAsync(response);
        Assert.Equal(["hello"], log.SucceededBodies);
    }

    [Fact]
    public async Task QueueFunctionThatThrows_Answers500_SoTheHostRetriesTheMessage()
    {
        using var response = await PostAsync("/LedgerAppend", """{"Data":{"message":"\"fail this one\""},"Metadata":{"DequeueCount":"4"}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var logLine = Assert.Single(body!["Logs"]!.AsArray())!.GetValue<string>();
        Assert.Contains("Asked to fail on attempt 4", logLine, StringComparison.Ordinal);
        Assert.Equal(1, log.AttemptsByBody["fail this one"]);
    }

    [Fact]
    public async Task TimerFunctionThatThrows_Answers500()
    {
        using var response = await PostAsync("/BrokenSettlement", """{"Data":{"timer":{"IsPastDue":false}}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("/Nope")]
    [InlineData("/Health")]
    public async Task NameThatIsNotAQueueOrTimerFunction_Answers404(string path)
    {
        using var response = await PostAsync(path, """{"Data":{"message":"hello"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(log.Messages);
    }

    [Theory]
    [InlineData("/LedgerAppend", "not json", "body")]
    [InlineData("/LedgerAppend", "[1,2]", "Data")]
    [InlineData("/LedgerAppend", """{"Metadata":{}}""", "Data")]
    [InlineData("/LedgerAppend", """{"Data":"message"}""", "Data")]
    [InlineData("/LedgerAppend", """{"Data":{"myQueueItem":"x"}}""", "Data.message")]
    [InlineData("/LedgerAppend", """{"Data":{"message":null}}""", "Data.message")]
    [InlineData("/LedgerAppend", """{"Data":{"message":"x"},"Metadata":{"DequeueCount":"two"}}""", "Metadata.DequeueCount")]
    [InlineData("/LedgerAppend", """{"Data":{"message":"x"},"Metadata":{"DequeueCount":0}}""", "Metadata.DequeueCount")]
    [InlineData("/Settlement", """{"Data":{"timer":42}}""", "Data.timer")]
    [InlineData("/Settlement", """{"Data":{"timer":"not an object"}}""", "Data.timer")]
    public async Task PayloadThatCannotBeAHostInvocation_Answers400NamingTheField(string path, string payload, string field)
    {
        using var response = await PostAsync(path, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), $"Expected an error for '{field}', got {problem}.");
        Assert.Empty(log.Messages);
        Assert.Empty(log.Ticks);
    }

    private static TheoryData<string> Payloads(string kind) =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "Hosting", "invocations"), $"{kind}-*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static (string Payload, JsonObject Expected) Read(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "Hosting", "invocations", file)))!.AsObject();
        return (document["payload"]!.ToJsonString(), document["expected"]!.AsObject());
    }

    private static DateTimeOffset? ExpectedInstant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertSucceededAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("""{"Outputs":{},"Logs":[],"ReturnValue":null}""", body);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string payload) =>
        running.Client.PostAsync(path, new StringContent(payload, Encoding.UTF8, "application/json"));
}
