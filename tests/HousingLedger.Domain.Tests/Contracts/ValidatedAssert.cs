using HousingLedger.Validation;

namespace HousingLedger.Contracts;

/// <summary>Assertions on <see cref="Validated{T}"/> results that list every error when they fail.</summary>
internal static class ValidatedAssert
{
    /// <summary>Asserts the result was refused with an error at <paramref name="field"/>, and at no other field.</summary>
    public static void RefusedAt<T>(Validated<T> result, string field, string? messagePart = null)
    {
        var listed = string.Join("; ", result.Errors.Select(error => $"{error.Field}: {error.Message}"));
        Assert.False(result.IsValid, $"expected an error at {field}, but the input was accepted");
        Assert.True(
            result.Errors.All(error => error.Field == field),
            $"expected errors only at {field}; got {listed}");
        if (messagePart is not null)
        {
            Assert.True(
                result.Errors.Any(error => error.Message.Contains(messagePart, StringComparison.Ordinal)),
                $"expected an error at {field} saying '{messagePart}'; got {listed}");
        }
    }

    public static void Accepted<T>(Validated<T> result) =>
        Assert.True(result.IsValid, "expected the input to be accepted; got " + string.Join("; ", result.Errors.Select(error => $"{error.Field}: {error.Message}")));
}
