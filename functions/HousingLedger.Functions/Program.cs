using HousingLedger.Functions;
using HousingLedger.Functions.Hosting;

var app = HousingLedgerApp.Create(new WebApplicationOptions { Args = args });
return await app.RunFunctionsHostAsync(args);

/// <summary>The entry point, visible to tests that start the app in process.</summary>
public partial class Program;
