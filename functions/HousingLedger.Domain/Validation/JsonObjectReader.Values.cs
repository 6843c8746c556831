using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>The typed members: each reads as text or a number first, then checks its own rule.</summary>
internal sealed partial class JsonObjectReader
{
    /// <summary>A string member whatever text it holds, for a caller whose own rule checks the text.</summary>
    public string? Text(string name, bool required = true)
    {
        if (OfKind(name, JsonValueKind.String, required) is not { } value)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // "\ud800" is valid JSON but not text.
            return Refuse(name, FieldMessages.LoneSurrogate);
        }
    }

    /// <summary>Text of 1 to <paramref name="maxLength"/> characters, as the policy takes text.</summary>
    public string? String(string name, int maxLength = int.MaxValue, bool required = true)
    {
        var text = Text(name, required);
        return text is null || policy.TakesText(text, maxLength) ? text : Refuse(name, policy.TextMessage(maxLength));
    }

    public string? Identifier(string name, bool required = true)
    {
        var text = Text(name, required);
        return text is null || Values.Identifier.IsValid(text) ? text : Refuse(name, FieldMessages.Identifier);
    }

    /// <summary>One of a closed set of words, e.g. a priority.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> choices, bool required = true)
    {
        var text = Text(name, required);
        return text is null || choices.Contains(text, StringComparer.Ordinal) ? text : Refuse(name, FieldMessages.OneOf(choices));
    }

    /// <summary>An instant in UTC, in a form the policy takes.</summary>
    public DateTimeOffset? Instant(string name, bool required = true)
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        if (policy.TryReadInstant(text, out var instant))
        {
            return instant;
        }

        Add(name, policy.InstantMessage);
        return null;
    }

    /// <summary>A whole number written without fraction or exponent; <see cref="long.MaxValue"/> sets no upper limit.</summary>
    public long? Integer(string name, long minimum, long maximum = long.MaxValue, bool required = true)
    {
        if (Present(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        Add(name, FieldMessages.WholeNumber(minimum, maximum));
        return null;
    }

    private string? Refuse(string name, string message)
    {
        Add(name, message);
        return null;
    }
}
