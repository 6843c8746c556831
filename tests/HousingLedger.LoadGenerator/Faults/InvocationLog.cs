using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// Counts, per queue message id, the attempts the standalone host's function invoker logged as succeeded and as
/// failed ("Executed '…' for message '…' (attempt n) (Failed, …)"): how many times each poison message was tried.
/// </summary>
public sealed partial class InvocationLog : ILoggerProvider
{
    /// <summary>The invoker's log category: the one logger this provider listens to.</summary>
    public const string Category = "HousingLedger.Functions.Hosting.Standalone.FunctionInvoker";

    private readonly ConcurrentDictionary<string, (int Succeeded, int Failed)> attempts = new(StringComparer.Ordinal);

    public (int Succeeded, int Failed) AttemptsOf(string messageId) => attempts.GetValueOrDefault(messageId);

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Listener(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private void Note(string text)
    {
        if (MessageInvocation().Match(text) is { Success: true } match)
        {
            var failed = match.Groups[2].Value == "Failed";
            attempts.AddOrUpdate(match.Groups[1].Value, failed ? (0, 1) : (1, 0), (_, a) => failed ? (a.Succeeded, a.Failed + 1) : (a.Succeeded + 1, a.Failed));
        }
    }

    [GeneratedRegex(@"for message '([^']+)' \(attempt \d+\) \((Succeeded|Failed),")]
    private static partial Regex MessageInvocation();

    private sealed class Listener(InvocationLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Note(formatter(state, exception));
    }
}
