using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HousingLedger.Values;

/// <summary>
/// An id of one kind of thing (<see cref="JobId"/>, <see cref="ContractId"/> …): a string that follows
/// <see cref="Identifier"/>'s rule, checked once where it comes in (<see cref="TypedId.TryParse{TId}"/>), so no id
/// past the edge can escape a storage key, and a job's id cannot be passed where a contract's is wanted.
/// </summary>
public interface ITypedId<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>The id as text, as the API, the ledger and storage write it.</summary>
    string Value { get; }

    /// <summary>The readable start of a new id of this kind, e.g. <c>job</c> for <c>job_3f9k…</c>.</summary>
    static abstract string Prefix { get; }

    /// <summary>Wraps text already checked against <see cref="Identifier"/>; only <see cref="TypedId"/> calls it.</summary>
    static abstract TSelf FromChecked(string value);
}

/// <summary>Makes and checks typed ids.</summary>
public static class TypedId
{
    /// <summary>The id <paramref name="text"/> names; false when it breaks <see cref="Identifier.Rule"/>.</summary>
    public static bool TryParse<TId>([NotNullWhen(true)] string? text, out TId id)
        where TId : struct, ITypedId<TId>
    {
        if (Identifier.IsValid(text))
        {
            id = TId.FromChecked(text);
            return true;
        }

        id = default;
        return false;
    }

    /// <exception cref="FormatException"><paramref name="text"/> breaks <see cref="Identifier.Rule"/>.</exception>
    public static TId Parse<TId>(string text)
        where TId : struct, ITypedId<TId> =>
        TryParse<TId>(text, out var id) ? id : throw new FormatException($"'{text}' is not an id: an id is {Identifier.Rule}.");

    /// <summary>A new random id of the kind, e.g. <c>job_3f9k…</c>.</summary>
    public static TId New<TId>()
        where TId : struct, ITypedId<TId> => TId.FromChecked(Identifier.New(TId.Prefix));
}

/// <summary>Writes a typed id as its text and reads it back, checking it: stored JSON looks as it did with plain strings.</summary>
public sealed class TypedIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, ITypedId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TypedId.TryParse<TId>(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var id)
            ? id
            : throw new JsonException($"Expected a {typeof(TId).Name}: {Identifier.Rule}.");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
