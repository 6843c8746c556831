using System.Text.Json;
using HousingLedger.Validation;

namespace HousingLedger.Contracts;

/// <summary>Reads a required array member whose entries are objects, naming each entry <c>items[2]</c> in its errors.</summary>
/// <remarks><see cref="RequestFields"/> reads objects and values; this adds the arrays of objects contract terms hold.</remarks>
internal static class RequestArray
{
    /// <summary>
    /// The entries of <paramref name="fields"/>' member <paramref name="name"/>: 1 to <paramref name="maxCount"/>
    /// objects whose only members may be <paramref name="members"/>, in order. An entry that is not an object is
    /// reported into <paramref name="fields"/> and stands as null; the caller passes up each entry's own errors once read.
    /// </summary>
    public static IReadOnlyList<RequestFields?>? Read(RequestFields fields, string name, int maxCount, IReadOnlyCollection<string> members)
    {
        var path = fields.PathOf(name);
        var value = fields.Element(name);
        if (value is not { ValueKind: JsonValueKind.Array } array)
        {
            fields.Add(new FieldError(path, value is null ? "is required" : "must be an array"));
            return null;
        }

        var count = array.GetArrayLength();
        if (count < 1 || count > maxCount)
        {
            fields.Add(new FieldError(path, $"must hold 1 to {maxCount} entries; found {count}"));
            return null;
        }

        var entries = new List<RequestFields?>();
        foreach (var (element, index) in array.EnumerateArray().Select((element, index) => (element, index)))
        {
            var entry = RequestFields.Open(element, members, $"{path}[{index}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                fields.AddRange(entry.Errors);
                entry = null;
            }

            entries.Add(entry);
        }

        return entries;
    }
}
