using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Standalone;

if (FunctionsHostLaunch.IsFunctionsHost(args))
{
    await FunctionsWorker.Create(args).RunAsync();
    return 0;
}

return await StandaloneHost.RunAsync(StandaloneHost.Create(new WebApplicationOptions { Args = args }));

/// <summary>The entry point, visible to tests that start the app in process.</summary>
public partial class Program;
