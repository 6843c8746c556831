using System.Text;

namespace HousingLedger.Ledger;

/// <summary>An export read as a stream: one line at a time, with a cap on a line's length that is enforced before the line is read in.</summary>
public sealed class ChainExportTests
{
    [Fact]
    public async Task GoldenExport_StreamedToAVerifierOfNoNamedChain_VerifiesAsTheFirstBlocksChain()
    {
        await using var export = File.OpenRead(LedgerTestData.PathOf("chains", "valid.jsonl"));
        var verifier = new ChainVerifier(ChainSamples.PublishedKeys().Find);

        var result = await ChainExport.VerifyAsync(export, verifier);

        Assert.True(result.Valid, $"the valid chain failed: {result.Failure}");
        Assert.Equal((ChainSamples.Chain, 3L, 7L), (verifier.Chain, result.Blocks, result.Transactions));
    }

    [Fact]
    public async Task LastLineWithoutItsNewline_IsReadAsItStands()
    {
        var text = File.ReadAllText(LedgerTestData.PathOf("chains", "valid.jsonl")).TrimEnd('\n');

        var result = await VerifyAsync(Encoding.UTF8.GetBytes(text));

        Assert.True(result.Valid, $"an export without its last newline failed: {result.Failure}");
    }

    [Fact]
    public async Task ExportCutShortInABlock_FailsAtThatBlockAsNotJson()
    {
        var bytes = File.ReadAllBytes(LedgerTestData.PathOf("chains", "valid.jsonl"));

        var result = await VerifyAsync(bytes[..^50]);

        Assert.Equal((2L, (int?)null), (result.Failure!.Height, result.Failure.TransactionIndex));
        Assert.StartsWith("the export line is not a well-formed block: $ is not JSON: ", result.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineLongerThanTheCap_IsRefusedAtItsHeight_HavingReadLittleMoreThanTheCap()
    {
        var firstLine = File.ReadLines(LedgerTestData.PathOf("chains", "valid.jsonl")).First() + "\n";
        await using var export = new EndlessLineStream(Encoding.UTF8.GetBytes(firstLine));

        var result = await ChainExport.VerifyAsync(export, new ChainVerifier(ChainSamples.PublishedKeys().Find));

        Assert.Equal(1L, result.Failure!.Height);
        Assert.StartsWith($"the export line is longer than any block can be: expected at most {ChainExport.MaxLineBytes} bytes", result.Failure.Reason, StringComparison.Ordinal);
        var most = firstLine.Length + ChainExport.MaxLineBytes + 1;
        Assert.True(export.BytesRead <= most, $"read {export.BytesRead} bytes of an export whose second line never ends; expected at most {most}: the first line and one byte past the cap");
    }

    [Fact]
    public async Task ProgressHearsEveryByteRead()
    {
        var bytes = File.ReadAllBytes(LedgerTestData.PathOf("chains", "valid.jsonl"));
        long last = 0;

        await ChainExport.VerifyAsync(new MemoryStream(bytes), new ChainVerifier(ChainSamples.PublishedKeys().Find), new Progress(read => last = read));

        Assert.Equal(bytes.Length, last);
    }

    private static Task<ChainVerification> VerifyAsync(byte[] export) =>
        ChainExport.VerifyAsync(new MemoryStream(export), new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find));

    /// <summary>Reports synchronously, so the test sees the last report when the call returns.</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Some bytes, then one line that never ends; counts what is read of it.</summary>
    private sealed class EndlessLineStream(byte[] start) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < start.Length ? start[BytesRead + i] : (byte)'x';
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
