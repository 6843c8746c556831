using System.Globalization;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary>Streams an export through a <see cref="ChainVerifier"/> (for <c>verify</c> and <c>checkpoint --export</c>), and says what came of it.</summary>
internal static class ExportVerification
{
    public static async Task<Loaded<ChainVerification>> RunAsync(
        AuditorConsole console, string path, ChainVerifier verifier, CancellationToken cancellationToken)
    {
        var opened = InputFile.Open(path, "export");
        if (opened.Value is not { } stream)
        {
            return opened.As<ChainVerification>();
        }

        await using (stream)
        {
            try
            {
                var result = await ReadingProgress.ShowAsync(
                    console, "verifying", stream.CanSeek ? stream.Length : 0, progress => ChainExport.VerifyAsync(stream, verifier, progress, cancellationToken));
                return Loaded<ChainVerification>.Ok(result);
            }
            catch (IOException unreadable)
            {
                return Loaded<ChainVerification>.Unusable($"cannot read the export '{path}': {unreadable.Message}");
            }
        }
    }

    /// <summary>What a chain that holds amounts to, with its tree size and root as a checkpoint of it would state them.</summary>
    public static string Describe(ChainVerifier verifier)
    {
        var result = verifier.Result;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"chain {verifier.Chain ?? "(empty export)"}: {Count(result.Blocks, "block")} and {Count(result.Transactions, "transaction")}; every signature, hash link, Merkle root and transaction holds. Tree size {verifier.TreeSize}, root {Convert.ToBase64String(verifier.RootHash())}");
    }

    /// <summary>The first failure, and how much verified before it.</summary>
    public static string DescribeFailure(ChainVerifier verifier)
    {
        var result = verifier.Result;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"chain {verifier.Chain ?? "(unnamed)"}: {result.Failure!.ToString().TrimEnd('.')}; {Count(result.Blocks, "block")} and {Count(result.Transactions, "transaction")} verified before it");
    }

    private static string Count(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
