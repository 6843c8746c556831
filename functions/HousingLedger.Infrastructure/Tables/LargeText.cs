using System.Text;
using Azure.Data.Tables;

namespace HousingLedger.Infrastructure.Tables;

/// <summary>
/// Stores text longer than one Table property allows (64 KiB, i.e. 32 K UTF-16 characters) across numbered
/// properties <c>{name}0</c>, <c>{name}1</c> … of one entity. An entity holds at most 1 MiB in all.
/// </summary>
internal static class LargeText
{
    private const int ChunkLength = 30_000;

    /// <summary>The most characters one entity can carry this way, leaving room for its other properties.</summary>
    public const int MaxLength = 450_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"Text of {text.Length} characters exceeds the {MaxLength} an entity can hold.", nameof(text));
        }

        var chunks = 0;
        for (var start = 0; start < text.Length || chunks == 0; start += ChunkLength)
        {
            entity[name + chunks] = text.Substring(start, Math.Min(ChunkLength, text.Length - start));
            chunks++;
        }

        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {name}.");
        var text = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            text.Append(entity.GetString(name + i));
        }

        return text.ToString();
    }
}
