using HousingLedger.Functions;
using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Standalone;
using Microsoft.Azure.Functions.Worker.Builder;

if (FunctionsHostLaunch.IsFunctionsHost(args))
{
    var worker = FunctionsApplication.CreateBuilder(args);
    worker.ConfigureFunctionsWebApplication();
    worker.Services.AddHousingLedger(worker.Configuration);
    await worker.Build().RunAsync();
    return 0;
}

return await StandaloneHost.RunAsync(StandaloneHost.Create(new WebApplicationOptions { Args = args }));

/// <summary>The entry point, visible to tests that start the app in process.</summary>
public partial class Program;
