using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace HousingLedger.Ledger;

/// <summary>Where a transaction stands: its block's height, its index in the block, and its leaf index in the whole chain.</summary>
internal readonly record struct TransactionPosition(long Height, int Index, long Leaf);

/// <summary>An event id used twice: where it was first used, and where it came again.</summary>
internal sealed record EventIdRepeat(string EventId, TransactionPosition First, TransactionPosition Repeat);

/// <summary>
/// The event ids of a chain and where each was used, in memory of a fixed size however long the chain: ids
/// gather in a buffer; a full buffer is sorted and written to a temporary file as one sorted run; and
/// <see cref="FindFirstRepeat"/> merges the runs with the buffer, where a repeated id comes out next to itself.
/// The file holds about 25 bytes more than each id, and is unlinked as soon as it is made, so nothing is left
/// behind. Ids sort by a hash with a per-process seed (so no text can be chosen to make the sort slow), then by
/// their bytes. Not thread-safe.
/// </summary>
internal sealed partial class SeenEventIds : IDisposable
{
    /// <summary>The buffer's size: 8 MiB holds about 200,000 ids of 20 characters before the first run is written.</summary>
    public const int DefaultBufferBytes = 8 * 1024 * 1024;

    private readonly byte[] records;
    private readonly List<(long Start, long Length)> runs = [];
    private uint[] keys = new uint[1024];
    private int[] offsets = new int[1024];
    private int count;
    private int used;
    private SafeFileHandle? spill;
    private long spilled;

    /// <param name="bufferBytes">How many bytes of ids and positions to hold before writing a run.</param>
    public SeenEventIds(int bufferBytes = DefaultBufferBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, Entry.MaxLength);
        records = new byte[bufferBytes];
    }

    /// <summary>Records that <paramref name="eventId"/> (UTF-8, at most <see cref="Values.Identifier.MaxLength"/> bytes) was used at <paramref name="position"/>.</summary>
    public void Add(ReadOnlySpan<byte> eventId, TransactionPosition position)
    {
        if (used + Entry.LengthOf(eventId) > records.Length)
        {
            WriteRun();
        }

        if (count == keys.Length)
        {
            Array.Resize(ref keys, count * 2);
            Array.Resize(ref offsets, count * 2);
        }

        keys[count] = Entry.KeyOf(eventId);
        offsets[count] = used;
        used += Entry.Write(records.AsSpan(used), eventId, position);
        count++;
    }

    /// <summary>The event id whose second use comes first in the chain, with both of its first two uses; null when no id was used twice.</summary>
    public EventIdRepeat? FindFirstRepeat()
    {
        SortBuffer();
        var merged = new PriorityQueue<Cursor, Cursor>(Cursor.Order);
        foreach (var cursor in runs.Select(run => (Cursor)new RunCursor(spill!, run.Start, run.Length)).Append(new BufferCursor(this)))
        {
            if (cursor.MoveNext())
            {
                merged.Enqueue(cursor, cursor);
            }
        }

        var same = new SameIdScan();
        while (merged.TryDequeue(out var cursor, out _))
        {
            same.Take(cursor);
            if (cursor.MoveNext())
            {
                merged.Enqueue(cursor, cursor);
            }
        }

        return same.Finish();
    }

    public void Dispose() => spill?.Dispose();

    /// <summary>Sorts the buffer by key and then by id, so that equal ids stand together.</summary>
    private void SortBuffer()
    {
        Array.Sort(keys, offsets, 0, count);
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(offsets, start, end - start, Comparer<int>.Create((a, b) => Entry.IdAt(records, a).SequenceCompareTo(Entry.IdAt(records, b))));
            }

            start = end;
        }
    }

    private void WriteRun()
    {
        SortBuffer();
        spill ??= CreateSpillFile();
        var start = spilled;
        var chunk = new byte[64 * 1024];
        var filled = 0;
        for (var i = 0; i < count; i++)
        {
            var entry = Entry.At(records, offsets[i]);
            if (filled + sizeof(uint) + entry.Length > chunk.Length)
            {
                RandomAccess.Write(spill, chunk.AsSpan(0, filled), spilled);
                (spilled, filled) = (spilled + filled, 0);
            }

            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(filled), keys[i]);
            entry.CopyTo(chunk.AsSpan(filled + sizeof(uint)));
            filled += sizeof(uint) + entry.Length;
        }

        RandomAccess.Write(spill, chunk.AsSpan(0, filled), spilled);
        spilled += filled;
        runs.Add((start, spilled - start));
        (count, used) = (0, 0);
    }

    private static SafeFileHandle CreateSpillFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hl-event-ids-{Guid.NewGuid():N}.tmp");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked now, the file lives as long as the handle, and goes even if the process is killed.
            File.Delete(path);
        }

        return handle;
    }
}
