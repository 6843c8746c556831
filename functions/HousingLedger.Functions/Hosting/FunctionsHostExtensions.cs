namespace HousingLedger.Functions.Hosting;

/// <summary>Placeholder until the hosting layer lands: runs the web app as it is.</summary>
public static class FunctionsHostExtensions
{
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapFunctionInvocations(this WebApplication app) => app;

    public static async Task<int> RunFunctionsHostAsync(this WebApplication app, string[] args)
    {
        await app.RunAsync();
        return 0;
    }
}
