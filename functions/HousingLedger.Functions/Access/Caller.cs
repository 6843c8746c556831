using HousingLedger.Values;

namespace HousingLedger.Functions.Access;

/// <summary>Who made a request: the operator (<see cref="OperatorCaller"/>), or an association through one of its API keys (<see cref="AssociationCaller"/>).</summary>
public abstract record Caller(ApiRole Role)
{
    /// <summary>Whether this caller may read and check a chain: its own association's, or any for the operator.</summary>
    public bool MayRead(string chain) => this switch
    {
        OperatorCaller => true,
        AssociationCaller association => association.AssociationId.Value == chain,
        _ => false,
    };
}

/// <summary>The operator, by its key from configuration.</summary>
public sealed record OperatorCaller() : Caller(ApiRole.Operator)
{
    public static OperatorCaller Instance { get; } = new();
}

/// <summary>An association, by a key it was issued with one of the roles admin, finance or auditor.</summary>
public sealed record AssociationCaller(AssociationId AssociationId, ApiRole Role) : Caller(Role);

/// <summary>What a key may do. Association keys carry one of admin, finance or auditor.</summary>
public enum ApiRole
{
    Operator,
    Admin,
    Finance,
    Auditor,
}
