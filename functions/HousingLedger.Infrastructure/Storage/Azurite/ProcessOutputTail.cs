using System.Diagnostics;

namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>
/// The last lines a child process wrote, kept to explain a failure. Reading the pipes also keeps a chatty
/// child from blocking on a full pipe.
/// </summary>
internal sealed class ProcessOutputTail
{
    private const int MaxLines = 40;
    private readonly Queue<string> lines = new();

    public static ProcessOutputTail Attach(Process process)
    {
        var tail = new ProcessOutputTail();
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tail;
    }

    public override string ToString()
    {
        lock (lines)
        {
            return lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, lines);
        }
    }

    private void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > MaxLines)
            {
                lines.Dequeue();
            }
        }
    }
}
