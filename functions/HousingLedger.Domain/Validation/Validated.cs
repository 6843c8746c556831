namespace HousingLedger.Validation;

/// <summary>
/// The outcome of checking input: a value, or the field errors that stop it being one. Expected failures are
/// results, not exceptions.
/// </summary>
public sealed class Validated<T>
{
    private readonly T? value;

    private Validated(T? value, IReadOnlyList<FieldError> errors)
    {
        this.value = value;
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The value; only read it when <see cref="IsValid"/>.</summary>
    public T Value => IsValid ? value! : throw new InvalidOperationException("The input was not valid: " + string.Join("; ", Errors.Select(e => $"{e.Field}: {e.Message}")));

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid result names at least one field error.", nameof(errors));
        }

        return new(default, errors);
    }

    public static Validated<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
}
