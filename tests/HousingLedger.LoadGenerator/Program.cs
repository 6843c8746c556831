using HousingLedger.LoadGenerator;

// Exit codes: 0 every acknowledged event is on its chain exactly once and every chain verifies; 1 it is not so,
// or the chains did not catch up in time; 2 the run could not start (bad options, no service, set-up refused).
var (options, error) = LoadOptions.Parse(args, Environment.GetEnvironmentVariable("HL_OPERATOR_KEY"));
if (options is null)
{
    Console.Error.WriteLine($"load generator: {error}{Environment.NewLine}{Environment.NewLine}{LoadOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await LoadRun.RunAsync(options, Console.Out, stop.Token);
}
catch (Exception ex) when (ex is SetupFailedException or AuditFailedException or OperationCanceledException)
{
    Console.Error.WriteLine($"load generator: {ex.Message}");
    return 2;
}
