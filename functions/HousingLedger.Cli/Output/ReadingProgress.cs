using Spectre.Console;

namespace HousingLedger.Cli.Output;

/// <summary>
/// Shows how far a long read has got, on stderr, and only when stderr is a terminal: in a pipe or a CI log a
/// progress bar is noise, and the verdict on stdout must stay clean.
/// </summary>
internal static class ReadingProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports bytes read, under a bar of <paramref name="totalBytes"/>.</summary>
    public static async Task<T> ShowAsync<T>(AuditorConsole console, string label, long totalBytes, Func<IProgress<long>?, Task<T>> work)
    {
        if (!console.ErrorIsTerminal)
        {
            return await work(null);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context => await work(new BarProgress(context.AddTask(label, maxValue: Math.Max(totalBytes, 1)))));
    }

    /// <summary>Moves the bar as bytes are read; Spectre redraws it on its own thread.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
