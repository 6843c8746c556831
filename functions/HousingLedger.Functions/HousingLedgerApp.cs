using HousingLedger.Functions.Api;
using HousingLedger.Functions.Api.Auth;
using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Jobs;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Functions.Settlement;
using HousingLedger.Functions.WorkOrders;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Ledger;

namespace HousingLedger.Functions;

/// <summary>The service's registrations and routes, kept out of Program.cs so tests and tools can compose them.</summary>
public static class HousingLedgerApp
{
    /// <summary>
    /// The whole app, standalone triggers and invocation endpoint included, as Program.cs runs it; with
    /// <paramref name="settings"/> laid over its configuration when tests or tools run it in process.
    /// </summary>
    public static WebApplication Create(WebApplicationOptions options, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddFunctionsHost();
        builder.AddHousingLedger();
        var app = builder.Build();
        app.MapHousingLedger();
        app.MapFunctionInvocations();
        return app;
    }

    public static WebApplicationBuilder AddHousingLedger(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Problems.Standardise(context.ProblemDetails));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HousingLedger";
            document.Info.Description = "Repair contracts as code: jobs, supplier webhooks and a verifiable ledger. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<OperatorOptions>().BindConfiguration("Operator");
        services.AddOptions<SigningOptions>().BindConfiguration("Signing").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOrderOptions>().BindConfiguration("WorkOrders");
        services.AddOptions<SettlementOptions>().BindConfiguration("Settlement").ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WorkOrderFunction.HttpClientName);

        services.AddSingleton<TableLedgerStore>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<SigningKeyRegistry>();
        services.AddSingleton<ISigningKey>(provider => SigningOptions.CreateKey(provider));
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<Checkpoints>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<JobEvents>();
        services.AddSingleton<LedgerAppender>();
        services.AddSingleton<IAppendedEventHandler, WorkOrderIssuer>();
        services.AddSingleton<PaymentFileStore>();
        services.AddSingleton<BatchFiling>();
        services.AddSingleton<SettlementRunner>();

        services.AddQueueFunction<LedgerAppendFunction>(LedgerAppendFunction.Name, StorageNames.LedgerAppendQueue);
        services.AddQueueFunction<WorkOrderFunction>(WorkOrderFunction.Name, StorageNames.WorkOrdersQueue);
        services.AddTimerFunction<LedgerCatchUpFunction>(LedgerCatchUpFunction.Name, LedgerCatchUpFunction.ScheduleSetting, LedgerCatchUpFunction.DefaultSchedule);
        services.AddTimerFunction<SettlementFunction>(SettlementFunction.Name, SettlementFunction.ScheduleSetting, SettlementFunction.DefaultSchedule);
        return builder;
    }

    public static WebApplication MapHousingLedger(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api");
        api.AddEndpointFilter<IdempotencyKeyFilter>();
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        app.MapOpenApi("/api/openapi.json").WithName("OpenApi");
        api.MapOperatorApi();
        api.MapContractsApi();
        api.MapJobsApi();
        api.MapWebhooksApi();
        api.MapLedgerApi();
        api.MapSettlementsApi();
        api.MapPaymentBatchesApi();
        return app;
    }
}
