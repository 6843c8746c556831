using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using HousingLedger.Values;

namespace HousingLedger.Ledger;

/// <summary>
/// A block read straight from a chain-export line written as the service writes every line: in RFC 8785 form,
/// every transaction of the header's chain. In such a line the header's bytes and each transaction's bytes are
/// already what the block hash and the leaf hashes cover, so they are hashed where they lie, and no
/// <see cref="Block"/>, transaction or <c>data</c> object is built. A line that is anything else is refused, and
/// <see cref="Block.FromExportLine(ReadOnlySpan{byte})"/> reads it instead and names its fault: it takes every line
/// taken here, with the same header, hashes and event ids. One instance is reused line after line, on one thread.
/// </summary>
internal sealed class CanonicalExportLine
{
    private byte[] leafHashes = new byte[128 * Rfc6962.HashSize];
    private byte[] eventIds = new byte[128 * Identifier.MaxLength];
    private int[] eventIdEnds = new int[128];

    /// <summary>The header of the line last read.</summary>
    public BlockHeader Header { get; private set; } = null!;

    /// <summary>SHA-256 of the header's canonical form: the block hash the signature covers.</summary>
    public byte[] HeaderHash { get; } = new byte[SHA256.HashSizeInBytes];

    /// <summary>The signature as raw <c>r‖s</c>.</summary>
    public byte[] Signature { get; private set; } = [];

    public int TransactionCount { get; private set; }

    /// <summary>The leaf hashes of the transactions, <see cref="Rfc6962.HashSize"/> bytes each, in order.</summary>
    public ReadOnlySpan<byte> LeafHashes => leafHashes.AsSpan(0, TransactionCount * Rfc6962.HashSize);

    /// <summary>The event id of transaction <paramref name="index"/>, as UTF-8.</summary>
    public ReadOnlySpan<byte> EventId(int index)
    {
        var start = index == 0 ? 0 : eventIdEnds[index - 1];
        return eventIds.AsSpan(start, eventIdEnds[index] - start);
    }

    /// <summary>Reads <paramref name="line"/> (without its newline); false when it is not a canonical, well-formed block of one chain.</summary>
    public bool TryRead(ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            return false;
        }

        try
        {
            var json = new CanonicalJsonReader(line);
            return json.Next(JsonTokenType.StartObject)
                && json.NextMember("header"u8) && TryReadHeader(ref json, line, out var chain)
                && json.NextMember("signature"u8) && TryReadSignature(ref json)
                && json.NextMember("transactions"u8) && TryReadTransactions(ref json, line, line[chain])
                && json.Next(JsonTokenType.EndObject) && json.AtEnd;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool TryReadHeader(ref CanonicalJsonReader json, ReadOnlySpan<byte> line, out Range chain)
    {
        chain = default;
        if (!json.Next(JsonTokenType.StartObject))
        {
            return false;
        }

        var start = json.TokenStart;
        if (!json.NextMember("chain"u8) || !json.Next(JsonTokenType.String) || !Identifier.IsValid(json.Value))
        {
            return false;
        }

        chain = new Range(json.TokenStart + 1, json.Consumed - 1);
        if (!json.NextMember("height"u8) || !json.NextWholeNumber(0, long.MaxValue, out var height)
            || !json.NextMember("kid"u8) || !json.NextText())
        {
            return false;
        }

        var kid = json.GetString();
        if (!json.NextMember("merkleRoot"u8) || !json.Next(JsonTokenType.String) || !LowercaseHex.IsSha256(json.Value))
        {
            return false;
        }

        var merkleRoot = Encoding.ASCII.GetString(json.Value);
        if (!json.NextMember("previousHash"u8) || !json.Next(JsonTokenType.String) || !LowercaseHex.IsSha256(json.Value))
        {
            return false;
        }

        var previousHash = Encoding.ASCII.GetString(json.Value);
        if (!json.NextMember("sealedAt"u8) || !json.Next(JsonTokenType.String) || !UtcTimestamp.TryReadWritten(json.Value, out var sealedAt)
            || !json.NextMember("txCount"u8) || !json.NextWholeNumber(1, int.MaxValue, out var txCount)
            || !json.Next(JsonTokenType.EndObject))
        {
            return false;
        }

        SHA256.HashData(line[start..json.Consumed], HeaderHash);
        Header = new BlockHeader(Encoding.ASCII.GetString(line[chain]), height, previousHash, merkleRoot, (int)txCount, sealedAt, kid);
        return true;
    }

    private bool TryReadSignature(ref CanonicalJsonReader json)
    {
        if (!json.Next(JsonTokenType.String) || EcdsaSignature.FromBase64Url(Encoding.ASCII.GetString(json.Value)) is not { } raw)
        {
            return false;
        }

        Signature = raw;
        return true;
    }

    private bool TryReadTransactions(ref CanonicalJsonReader json, ReadOnlySpan<byte> line, ReadOnlySpan<byte> chain)
    {
        TransactionCount = 0;
        if (!json.Next(JsonTokenType.StartArray))
        {
            return false;
        }

        while (json.Next())
        {
            if (json.TokenType == JsonTokenType.EndArray)
            {
                return TransactionCount > 0;
            }

            if (json.TokenType != JsonTokenType.StartObject || !TryReadTransaction(ref json, line, chain))
            {
                return false;
            }
        }

        return false;
    }

    private bool TryReadTransaction(ref CanonicalJsonReader json, ReadOnlySpan<byte> line, ReadOnlySpan<byte> chain)
    {
        var start = json.TokenStart;
        if (!json.NextMember("actor"u8) || !json.NextText()
            || !json.NextMember("chain"u8) || !json.Next(JsonTokenType.String) || !json.Value.SequenceEqual(chain)
            || !json.NextMember("data"u8) || !json.Next(JsonTokenType.StartObject) || !json.SkipValue()
            || !json.NextMember("eventId"u8) || !json.Next(JsonTokenType.String) || !Identifier.IsValid(json.Value))
        {
            return false;
        }

        var eventId = json.Value;
        var index = TransactionCount;
        MakeRoom(index + 1);
        var eventIdStart = index == 0 ? 0 : eventIdEnds[index - 1];
        eventId.CopyTo(eventIds.AsSpan(eventIdStart));
        eventIdEnds[index] = eventIdStart + eventId.Length;
        if (!json.NextMember("occurredAt"u8) || !json.Next(JsonTokenType.String) || !UtcTimestamp.TryReadWritten(json.Value, out _)
            || !json.NextMember("recordedAt"u8) || !json.Next(JsonTokenType.String) || !UtcTimestamp.TryReadWritten(json.Value, out _)
            || !json.NextMember("subject"u8) || !json.NextText()
            || !json.NextMember("type"u8) || !json.NextText()
            || !json.Next(JsonTokenType.EndObject))
        {
            return false;
        }

        Rfc6962.HashLeaf(line[start..json.Consumed], leafHashes.AsSpan(index * Rfc6962.HashSize, Rfc6962.HashSize));
        TransactionCount = index + 1;
        return true;
    }

    private void MakeRoom(int transactions)
    {
        if (transactions <= eventIdEnds.Length)
        {
            return;
        }

        var more = eventIdEnds.Length * 2;
        Array.Resize(ref eventIdEnds, more);
        Array.Resize(ref eventIds, more * Identifier.MaxLength);
        Array.Resize(ref leafHashes, more * Rfc6962.HashSize);
    }
}
