using HousingLedger.Functions;
using HousingLedger.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionsHost();
builder.AddHousingLedger();

var app = builder.Build();
app.MapHousingLedger();
app.MapFunctionInvocations();

return await app.RunFunctionsHostAsync(args);

/// <summary>The entry point, visible to tests that start the app in process.</summary>
public partial class Program;
