namespace HousingLedger.Validation;

/// <summary>
/// What is wrong with one field of some input. <see cref="Field"/> is the path a client would use to find it,
/// e.g. <c>items[0].unitPrice</c> or <c>webhook-signature</c>.
/// </summary>
public sealed record FieldError(string Field, string Message);
