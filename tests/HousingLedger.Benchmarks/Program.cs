using System.Globalization;
using BenchmarkDotNet.Running;
using HousingLedger.Ledger;

// `export N EXPORT JWKS` writes the export the ExportVerification benchmarks verify, for timing `hl verify` itself.
if (args is ["export", var count, var exportPath, var jwksPath])
{
    var keys = await SampleExport.WriteAsync(exportPath, int.Parse(count, CultureInfo.InvariantCulture));
    await File.WriteAllTextAsync(jwksPath, keys.ToJson().ToJsonString());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
