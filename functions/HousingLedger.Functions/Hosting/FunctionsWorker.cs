using Microsoft.Azure.Functions.Worker.Builder;

namespace HousingLedger.Functions.Hosting;

/// <summary>The app as a .NET isolated worker of the Functions host: the host routes and triggers, the worker invokes.</summary>
public static class FunctionsWorker
{
    public static IHost Create(string[] args)
    {
        var worker = FunctionsApplication.CreateBuilder(args);
        worker.ConfigureFunctionsWebApplication();
        worker.Services.AddHousingLedger(worker.Configuration);
        return worker.Build();
    }
}
