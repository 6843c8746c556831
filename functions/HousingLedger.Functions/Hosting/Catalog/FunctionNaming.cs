using System.Text.RegularExpressions;

namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>The names the Functions host accepts for functions and queues, checked when code declares them.</summary>
internal static partial class FunctionNaming
{
    /// <summary>The binding name of a queue function's trigger: the key of its message in the host's <c>Data</c>.</summary>
    public const string QueueBinding = "message";

    /// <summary>The binding name of a timer function's trigger.</summary>
    public const string TimerBinding = "timer";

    public const string HttpTriggerBinding = "req";

    public const string HttpOutputBinding = "res";

    public static bool IsValidFunctionName(string functionName) => FunctionName().IsMatch(functionName);

    public static string InvalidFunctionNameMessage(string functionName) =>
        $"'{functionName}' is not a function name the Functions host accepts: a letter, then up to 127 letters, digits, '_' or '-'.";

    /// <exception cref="ArgumentException">The host would refuse the name.</exception>
    public static void EnsureValidFunctionName(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (!IsValidFunctionName(functionName))
        {
            throw new ArgumentException(InvalidFunctionNameMessage(functionName), nameof(functionName));
        }
    }

    /// <exception cref="ArgumentException">Storage would refuse the queue name, or its poison queue's.</exception>
    public static void EnsureValidQueueName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (!QueueName().IsMatch(queueName) || queueName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{queueName}' is not a queue name storage accepts with room for '-poison': 3 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$")]
    private static partial Regex QueueName();
}
