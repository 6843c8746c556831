namespace HousingLedger.Functions.Access;

/// <summary>Who made a request: the operator, or an association through one of its API keys.</summary>
public sealed record Caller(string? AssociationId, ApiRole Role)
{
    public static Caller Operator { get; } = new(null, ApiRole.Operator);

    public bool IsOperator => Role == ApiRole.Operator;

    /// <summary>Whether this caller may read and check a chain: its own association's, or any for the operator.</summary>
    public bool MayRead(string chain) => IsOperator || AssociationId == chain;
}

/// <summary>What a key may do. Association keys carry one of admin, finance or auditor.</summary>
public enum ApiRole
{
    Operator,
    Admin,
    Finance,
    Auditor,
}
