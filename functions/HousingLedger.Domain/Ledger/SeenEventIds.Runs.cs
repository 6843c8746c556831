using System.Buffers.Binary;
using System.Text;
using HousingLedger.Values;
using Microsoft.Win32.SafeHandles;

namespace HousingLedger.Ledger;

/// <summary>How an id and its position are laid out, in the buffer and in a run, and how the runs are read back in order.</summary>
internal sealed partial class SeenEventIds
{
    /// <summary>One use of an id: its leaf index (8 bytes), height (8), index in the block (4), the id's length (1) and the id.</summary>
    private static class Entry
    {
        public const int MaxLength = FixedLength + Identifier.MaxLength;
        private const int FixedLength = 21;
        private const int IdLengthAt = 20;

        public static int LengthOf(ReadOnlySpan<byte> id) => id.Length is > 0 and <= Identifier.MaxLength
            ? FixedLength + id.Length
            : throw new ArgumentException($"An event id has 1 to {Identifier.MaxLength} bytes, not {id.Length}.", nameof(id));

        public static uint KeyOf(ReadOnlySpan<byte> id)
        {
            var hash = new HashCode();
            hash.AddBytes(id);
            return (uint)hash.ToHashCode();
        }

        public static int Write(Span<byte> destination, ReadOnlySpan<byte> id, TransactionPosition position)
        {
            BinaryPrimitives.WriteInt64LittleEndian(destination, position.Leaf);
            BinaryPrimitives.WriteInt64LittleEndian(destination[8..], position.Height);
            BinaryPrimitives.WriteInt32LittleEndian(destination[16..], position.Index);
            destination[IdLengthAt] = (byte)id.Length;
            id.CopyTo(destination[FixedLength..]);
            return FixedLength + id.Length;
        }

        /// <summary>The whole entry starting at <paramref name="offset"/>, or an empty span when fewer bytes than it needs follow.</summary>
        public static ReadOnlySpan<byte> At(ReadOnlySpan<byte> bytes, int offset)
        {
            var rest = bytes[offset..];
            return rest.Length > IdLengthAt && rest.Length >= FixedLength + rest[IdLengthAt] ? rest[..(FixedLength + rest[IdLengthAt])] : [];
        }

        public static ReadOnlySpan<byte> IdOf(ReadOnlySpan<byte> entry) => entry[FixedLength..];

        public static ReadOnlySpan<byte> IdAt(byte[] records, int offset) => IdOf(At(records, offset));

        public static TransactionPosition PositionOf(ReadOnlySpan<byte> entry) => new(
            BinaryPrimitives.ReadInt64LittleEndian(entry[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(entry[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(entry));
    }

    /// <summary>Reads one sorted sequence of entries, by key and then by id.</summary>
    private abstract class Cursor
    {
        public static readonly IComparer<Cursor> Order = Comparer<Cursor>.Create((a, b) =>
            a.Key != b.Key ? a.Key.CompareTo(b.Key) : Entry.IdOf(a.Current).SequenceCompareTo(Entry.IdOf(b.Current)));

        public uint Key { get; protected set; }

        public abstract ReadOnlySpan<byte> Current { get; }

        public abstract bool MoveNext();
    }

    /// <summary>The sorted buffer.</summary>
    private sealed class BufferCursor(SeenEventIds ids) : Cursor
    {
        private int index = -1;

        public override ReadOnlySpan<byte> Current => Entry.At(ids.records, ids.offsets[index]);

        public override bool MoveNext()
        {
            if (++index >= ids.count)
            {
                return false;
            }

            Key = ids.keys[index];
            return true;
        }
    }

    /// <summary>A run in the spill file, read a chunk at a time; each entry there follows its key (4 bytes).</summary>
    private sealed class RunCursor(SafeFileHandle file, long start, long length) : Cursor
    {
        private readonly byte[] chunk = new byte[16 * 1024];
        private long next = start;
        private long left = length;
        private int at;
        private int filled;
        private int currentLength;

        public override ReadOnlySpan<byte> Current => chunk.AsSpan(at + sizeof(uint), currentLength);

        public override bool MoveNext()
        {
            at += currentLength == 0 ? 0 : sizeof(uint) + currentLength;
            if (Entry.At(chunk.AsSpan(0, filled), Math.Min(at + sizeof(uint), filled)).IsEmpty)
            {
                Refill();
            }

            var entry = Entry.At(chunk.AsSpan(0, filled), Math.Min(at + sizeof(uint), filled));
            if (entry.IsEmpty)
            {
                return false;
            }

            Key = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(at));
            currentLength = entry.Length;
            return true;
        }

        private void Refill()
        {
            var kept = filled - at;
            chunk.AsSpan(at, kept).CopyTo(chunk);
            (at, filled) = (0, kept);
            while (left > 0 && filled < chunk.Length)
            {
                var read = RandomAccess.Read(file, chunk.AsSpan(filled, (int)Math.Min(chunk.Length - filled, left)), next);
                if (read == 0)
                {
                    throw new IOException("The temporary file of event ids ended before the run written to it.");
                }

                (next, left, filled) = (next + read, left - read, filled + read);
            }
        }
    }

    /// <summary>Walks entries in sorted order, where uses of one id stand together, keeping the repeat that comes first in the chain.</summary>
    private sealed class SameIdScan
    {
        private readonly byte[] id = new byte[Identifier.MaxLength];
        private int idLength = -1;
        private uint key;
        private int uses;
        private TransactionPosition first;
        private TransactionPosition second;
        private EventIdRepeat? earliest;

        public void Take(Cursor cursor)
        {
            var entry = cursor.Current;
            var position = Entry.PositionOf(entry);
            if (cursor.Key != key || !Entry.IdOf(entry).SequenceEqual(id.AsSpan(0, Math.Max(idLength, 0))))
            {
                Conclude();
                (key, idLength, uses, first) = (cursor.Key, Entry.IdOf(entry).Length, 1, position);
                Entry.IdOf(entry).CopyTo(id);
                return;
            }

            // The runs meet in any order, so keep the two earliest uses.
            if (position.Leaf < first.Leaf)
            {
                (first, second) = (position, first);
            }
            else if (uses == 1 || position.Leaf < second.Leaf)
            {
                second = position;
            }

            uses++;
        }

        public EventIdRepeat? Finish()
        {
            Conclude();
            return earliest;
        }

        private void Conclude()
        {
            if (uses > 1 && (earliest is null || second.Leaf < earliest.Repeat.Leaf))
            {
                earliest = new EventIdRepeat(Encoding.UTF8.GetString(id, 0, idLength), first, second);
            }

            uses = 0;
        }
    }
}
