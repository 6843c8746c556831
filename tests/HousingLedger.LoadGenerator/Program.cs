using HousingLedger.LoadGenerator;
using HousingLedger.LoadGenerator.Faults;
using HousingLedger.LoadGenerator.Settlement;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (args is ["settlement", ..])
{
    // Exit codes: 0 every payable job was paid exactly once and nothing else; 1 it was not so; 2 it could not start.
    var (settlement, settlementError) = SettlementLoadOptions.Parse(args[1..]);
    if (settlement is null)
    {
        Console.Error.WriteLine($"load generator: {settlementError}{Environment.NewLine}{Environment.NewLine}{SettlementLoadOptions.Usage}");
        return 2;
    }

    try
    {
        return await SettlementLoadRun.RunAsync(settlement, Console.Out, stop.Token);
    }
    catch (Exception ex) when (ex is SetupFailedException or OperationCanceledException)
    {
        Console.Error.WriteLine($"load generator: {ex.Message}");
        return 2;
    }
}

if (args is [FaultOptions.Crash or FaultOptions.AzuriteRestart or FaultOptions.TwoHosts, ..])
{
    // Exit codes: 0 nothing acknowledged was lost or doubled, the chains link and verify, no job was paid twice; 1 it was not so; 2 it could not start.
    var (faults, faultError) = FaultOptions.Parse(args[0], args[1..], Environment.GetEnvironmentVariable("HL_OPERATOR_KEY"));
    if (faults is null)
    {
        Console.Error.WriteLine($"load generator: {faultError}{Environment.NewLine}{Environment.NewLine}{FaultOptions.Usage}");
        return 2;
    }

    try
    {
        return await FaultRun.RunAsync(faults, Console.Out, stop.Token);
    }
    catch (Exception ex) when (ex is SetupFailedException or AuditFailedException or OperationCanceledException or InvalidOperationException)
    {
        Console.Error.WriteLine($"load generator: {ex.Message}");
        return 2;
    }
}

if (args is ["fuzz" or "duplicates" or "poison", ..])
{
    // Exit codes: 0 everything tried held; 1 something did not; 2 the run could not start.
    var (faults, faultsError) = InputFaultOptions.Parse(args[0], args[1..], Environment.GetEnvironmentVariable("HL_OPERATOR_KEY"));
    if (faults is null)
    {
        Console.Error.WriteLine($"load generator: {faultsError}{Environment.NewLine}{Environment.NewLine}{InputFaultOptions.Usage}");
        return 2;
    }

    try
    {
        var verdict = args[0] switch
        {
            "fuzz" => await FuzzRun.RunAsync(faults, Console.Out, stop.Token),
            "duplicates" => await DuplicatesRun.RunAsync(faults, Console.Out, stop.Token),
            _ => await PoisonRun.RunAsync(faults, Console.Out, stop.Token),
        };
        return verdict.Sound ? 0 : 1;
    }
    catch (Exception ex) when (ex is SetupFailedException or AuditFailedException or OperationCanceledException)
    {
        Console.Error.WriteLine($"load generator: {ex.Message}");
        return 2;
    }
}

// Exit codes: 0 every acknowledged event is on its chain exactly once and every chain verifies; 1 it is not so,
// or the chains did not catch up in time; 2 the run could not start (bad options, no service, set-up refused).
var (options, error) = LoadOptions.Parse(args, Environment.GetEnvironmentVariable("HL_OPERATOR_KEY"), Environment.GetEnvironmentVariable("AzureWebJobsStorage"));
if (options is null)
{
    Console.Error.WriteLine($"load generator: {error}{Environment.NewLine}{Environment.NewLine}{LoadOptions.Usage}");
    return 2;
}

try
{
    return await LoadRun.RunAsync(options, Console.Out, stop.Token);
}
catch (Exception ex) when (ex is SetupFailedException or AuditFailedException or OperationCanceledException)
{
    Console.Error.WriteLine($"load generator: {ex.Message}");
    return 2;
}
