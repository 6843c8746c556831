namespace HousingLedger.Functions;

/// <summary>The service's registrations and routes, kept out of Program.cs so tests can compose them.</summary>
public static class HousingLedgerApp
{
    public static WebApplicationBuilder AddHousingLedger(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapHousingLedger(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        return app;
    }
}
