using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Functions.Hosting.Metadata;
using Microsoft.AspNetCore.Routing;

namespace HousingLedger.Functions.Tests.Hosting;

public sealed class FunctionJsonGenerationTests : IDisposable
{
    private static readonly string[] DeclaredFunctions = ["ApproveJob", "GetJob", "Health", "LedgerAppend", "LedgerBlock", "RaiseJob", "RegisterContract", "Settlement", "WorkOrders"];
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("function-json-");
    private readonly FunctionJsonSchema schema = FunctionJsonSchema.Load();

    [Fact]
    public async Task Write_EveryFile_PassesItsTriggersSchema()
    {
        await using var app = BuildApp();

        FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        var problems = WrittenFunctions().SelectMany(name => schema.Check(name, ReadFunctionJson(name))).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Write_WritesAFileForEveryDeclaredFunction_AndNoneForUnnamedOrNonApiEndpoints()
    {
        await using var app = BuildApp();

        var written = FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        Assert.Equal(DeclaredFunctions, written.Order(StringComparer.Ordinal));
        Assert.Equal(DeclaredFunctions, WrittenFunctions());
    }

    [Fact]
    public async Task Write_HttpFunction_HasTheRouteWithoutItsPrefix_ItsMethods_AndLetsTheAppAuthenticate()
    {
        await using var app = BuildApp();

        FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        var trigger = ReadFunctionJson("ApproveJob")!["bindings"]![0]!;
        Assert.Equal("jobs/{jobId}/approval", trigger["route"]!.GetValue<string>());
        Assert.Equal(["post", "put"], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("anonymous", trigger["authLevel"]!.GetValue<string>());
        Assert.Equal("ledger/{chain}/blocks/{height:long}", ReadFunctionJson("LedgerBlock")!["bindings"]![0]!["route"]!.GetValue<string>());
        Assert.Equal("contracts", ReadFunctionJson("RegisterContract")!["bindings"]![0]!["route"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_QueueFunction_ListensOnItsQueueThroughTheHostsStorageConnection()
    {
        await using var app = BuildApp();

        FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        var trigger = ReadFunctionJson("LedgerAppend")!["bindings"]!.AsArray().Single()!;
        Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal("ledger-append", trigger["queueName"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", trigger["connection"]!.GetValue<string>());
        Assert.Equal("message", trigger["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_TimerFunction_TakesItsScheduleFromTheAppSetting_AndDoesNotRunOnStartup()
    {
        await using var app = BuildApp();

        FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        var trigger = ReadFunctionJson("Settlement")!["bindings"]!.AsArray().Single()!;
        Assert.Equal("%Settlement:Schedule%", trigger["schedule"]!.GetValue<string>());
        Assert.False(trigger["runOnStartup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Write_IntoAFolderHoldingAFunctionNoLongerDeclared_RemovesItAndLeavesOtherFiles()
    {
        Directory.CreateDirectory(Path.Combine(output.FullName, "RetiredFunction"));
        File.WriteAllText(Path.Combine(output.FullName, "RetiredFunction", "function.json"), "{}");
        Directory.CreateDirectory(Path.Combine(output.FullName, "handler"));
        File.WriteAllText(Path.Combine(output.FullName, "handler", "HousingLedger.Functions"), "binary");
        await using var app = BuildApp();

        FunctionJsonWriter.Write(FunctionCatalog.Of(app), output.FullName);

        Assert.False(Directory.Exists(Path.Combine(output.FullName, "RetiredFunction")), "The retired function's folder is still there.");
        Assert.True(File.Exists(Path.Combine(output.FullName, "handler", "HousingLedger.Functions")), "The handler was removed.");
    }

    [Fact]
    public async Task Catalog_EndpointNamedLikeAQueueFunction_FailsNamingTheDuplicate()
    {
        await using var app = BuildApp(api => api.MapGet("/ledger-append", () => "x").WithName("ledgerappend"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Of(app));

        Assert.Contains("LedgerAppend", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Catalog_EndpointNameTheHostRefuses_FailsNamingTheRoute()
    {
        await using var app = BuildApp(api => api.MapGet("/ledger/{chain}/verify", () => "x").WithName("Verify chain"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Of(app));

        Assert.Contains("/api/ledger/{chain}/verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsJsonCommand_OnTheRealApp_WritesValidFilesAndExits0()
    {
        var entryPoint = typeof(Program).Assembly.EntryPoint!;

        var exitCode = (int)entryPoint.Invoke(null, [new[] { "functions-json", "--output", output.FullName }])!;

        Assert.Equal(0, exitCode);
        Assert.Contains("Health", WrittenFunctions());
        var problems = WrittenFunctions().SelectMany(name => schema.Check(name, ReadFunctionJson(name))).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("functions-json")]
    [InlineData("functions-json", "--out", "x")]
    public async Task FunctionsJsonCommand_WithoutAnOutputFolder_Exits2(params string[] args)
    {
        await using var app = BuildApp();
        using var error = new StringWriter();

        Assert.Equal(2, FunctionsJsonCommand.Run(app, args, TextWriter.Null, error));
        Assert.Contains("--output", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => output.Delete(recursive: true);

    private static WebApplication BuildApp(Action<IEndpointRouteBuilder>? moreApi = null)
    {
        var builder = TestApps.CustomHandler();
        builder.AddFunctionsHost();
        builder.Services.AddSingleton(new InvocationLog());
        builder.Services.AddQueueFunction<RecordingQueueFunction>("LedgerAppend", "ledger-append");
        builder.Services.AddQueueFunction<RecordingQueueFunction>("WorkOrders", "work-orders");
        builder.Services.AddTimerFunction<RecordingTimerFunction>("Settlement", "Settlement:Schedule", "0 0 2 * * *");
        var app = builder.Build();
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => "ok").WithName("Health");
        api.MapPost("/jobs", () => "raised").WithName("RaiseJob");
        api.MapGet("/jobs/{jobId}", (string jobId) => jobId).WithName("GetJob");
        api.MapMethods("/jobs/{jobId}/approval", ["PUT", "POST"], (string jobId) => jobId).WithName("ApproveJob");
        api.MapGet("/ledger/{chain}/blocks/{height:long}", (string chain, long height) => chain).WithName("LedgerBlock");
        api.MapGroup("/contracts").MapPost("/", () => "registered").WithName("RegisterContract");
        api.MapGet("/openapi-like", () => "unnamed");
        app.MapGet("/outside-api", () => "x").WithName("OutsideApi");
        moreApi?.Invoke(api);
        app.MapFunctionInvocations();
        return app;
    }

    private string[] WrittenFunctions() =>
        [.. output.EnumerateDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "function.json"))).Select(d => d.Name).Order(StringComparer.Ordinal)];

    private JsonNode? ReadFunctionJson(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(output.FullName, name, "function.json")));
}
