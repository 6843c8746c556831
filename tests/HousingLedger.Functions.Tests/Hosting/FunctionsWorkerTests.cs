using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>
/// The worker the Functions host runs cannot be started here (there is no host to connect to), but it can be composed:
/// every function class must be buildable from the worker's own services, as the worker builds it per invocation.
/// </summary>
public sealed class FunctionsWorkerTests
{
    [Fact]
    public void Under_the_Functions_host_every_function_class_is_built_from_the_workers_services()
    {
        using var worker = FunctionsWorker.Create(["--AzureWebJobsStorage", "UseDevelopmentStorage=true"]);
        using var scope = worker.Services.CreateScope();

        var classes = FunctionCatalog.Of(typeof(StandaloneHost).Assembly).All.Select(f => f.Method.DeclaringType!).Distinct().ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }
}
