using HousingLedger.Functions.Hosting.Standalone;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The service as the standalone host runs it, in the generator's own process, with its queue listeners and timers (the
/// settlement timer off: a run calls settlement itself), on a port of its own.
/// </summary>
internal static class InProcessService
{
    /// <summary>
    /// A host on <paramref name="storageConnection"/> with <paramref name="settings"/> (the operator key, signing and
    /// secret keys) over the sample settings' schedules, which the host reads from the repository only when run from
    /// within it.
    /// </summary>
    public static WebApplication Create(string storageConnection, IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Ledger:CatchUpSchedule"] = "0 * * * * *",
            ["Settlement:Schedule"] = "0 0 2 * * *",
            ["Settlement:FeePerJobPence"] = "25",
            ["Logging:LogLevel:Default"] = "Warning",
            ["AzureWebJobs.Settlement.Disabled"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        configuration["AzureWebJobsStorage"] = storageConnection;
        return StandaloneHost.Create(
            new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"], ContentRootPath = AppContext.BaseDirectory }, configuration, configureServices);
    }
}
