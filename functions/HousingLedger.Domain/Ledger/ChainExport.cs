using System.Buffers;
using System.Globalization;

namespace HousingLedger.Ledger;

/// <summary>
/// Reads a chain export (one block a line, each line ending in a newline) as it streams past and feeds it to a
/// <see cref="ChainVerifier"/>, holding one line at a time: an export of any length is checked in the memory of its
/// longest line, and a line longer than any block can be is refused before it is read in. Thread-safe.
/// </summary>
public static class ChainExport
{
    /// <summary>
    /// The longest line accepted, in bytes. The service stores a block in one Table row of at most 450,000
    /// UTF-16 characters, which is at most 1.35 MB of UTF-8; 4 MiB leaves room for any block the service can
    /// write, and stays small enough to hold.
    /// </summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    private const int FirstBufferBytes = 64 * 1024;

    /// <summary>
    /// Verifies every line of <paramref name="export"/> in order with <paramref name="verifier"/>, stopping at the
    /// first failure. A last line without its newline is read as it stands: if the file was cut short in the middle
    /// of a block, that line is not JSON and fails. <paramref name="bytesRead"/> hears how far the reading has got.
    /// </summary>
    public static async Task<ChainVerification> VerifyAsync(
        Stream export, ChainVerifier verifier, IProgress<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(verifier);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
        try
        {
            var (start, end, total) = (0, 0, 0L);
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    if (!verifier.AddExportLine(buffer.AsSpan(start, newline)))
                    {
                        break;
                    }

                    start += newline + 1;
                    continue;
                }

                if (end - start > MaxLineBytes)
                {
                    verifier.RefuseExportLine(TooLong());
                    break;
                }

                (buffer, start, end) = MakeRoom(buffer, start, end);
                // Never more than one byte past the cap of the line being read, however large the buffer the pool gave.
                var room = Math.Min(buffer.Length - end, MaxLineBytes + 1 - (end - start));
                var read = await export.ReadAsync(buffer.AsMemory(end, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (end > start)
                    {
                        verifier.AddExportLine(buffer.AsSpan(start, end - start));
                    }

                    break;
                }

                end += read;
                total += read;
                bytesRead?.Report(total);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return verifier.Result;
    }

    /// <summary>Moves the unread part of a line to the front, and grows the buffer when the line fills it (up to one byte past the cap, so an overlong line shows).</summary>
    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        var pending = end - start;
        if (pending < buffer.Length - (buffer.Length / 4))
        {
            buffer.AsSpan(start, pending).CopyTo(buffer);
            return (buffer, 0, pending);
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes + 1));
        buffer.AsSpan(start, pending).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return (larger, 0, pending);
    }

    private static string TooLong() => string.Create(
        CultureInfo.InvariantCulture,
        $"the export line is longer than any block can be: expected at most {MaxLineBytes} bytes ({MaxLineBytes / (1024 * 1024)} MiB) to the newline, found more; the line was not read further");
}
