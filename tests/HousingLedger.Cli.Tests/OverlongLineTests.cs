using System.Text;

namespace HousingLedger.Cli;

/// <summary>A 100 MB line is refused at the cap on a line's length, not read into memory (the domain's ChainExportTests count the bytes read).</summary>
public sealed class OverlongLineTests
{
    private const int HundredMegabytes = 100 * 1000 * 1000;

    [Fact]
    public async Task HundredMegabyteLine_FailsAtItsHeight_AsLongerThanAnyBlock()
    {
        var export = Path.GetTempFileName();
        try
        {
            await WriteExportWithHugeSecondLineAsync(export);

            var run = await HlRun.InProcessAsync("verify", export, "--jwks", HlRun.Input("jwks.json"));

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.StartsWith(
                "FAILED chain assoc_riverside: block 1: the export line is longer than any block can be: expected at most 4194304 bytes (4 MiB) to the newline, found more",
                run.Stdout,
                StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(export);
        }
    }

    /// <summary>The valid export's first block, then 100 MB of one line written a megabyte at a time.</summary>
    private static async Task WriteExportWithHugeSecondLineAsync(string path)
    {
        await using var file = File.Create(path);
        var firstLine = File.ReadLines(HlRun.Input("exports/valid.jsonl")).First();
        await file.WriteAsync(Encoding.UTF8.GetBytes(firstLine + "\n"));
        var chunk = Encoding.ASCII.GetBytes(new string('x', 1000 * 1000));
        for (var written = 0; written < HundredMegabytes; written += chunk.Length)
        {
            await file.WriteAsync(chunk);
        }

        await file.WriteAsync("\n"u8.ToArray());
    }
}
