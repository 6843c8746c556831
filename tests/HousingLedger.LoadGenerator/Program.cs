using HousingLedger.LoadGenerator;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// Exit codes, for every command: 0 what the run checks held; 1 it did not; 2 the run could not start (bad usage included).
return await LoadCommandLine.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, stop.Token);
