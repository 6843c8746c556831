namespace HousingLedger.Functions.Access;

/// <summary>The roles an association's key may carry, by the names the API and storage write.</summary>
public static class ApiRoles
{
    /// <summary>Every role an association can issue a key with; the operator's key is configured, never issued.</summary>
    public static IReadOnlyList<string> AssociationRoleNames { get; } = [Name(ApiRole.Admin), Name(ApiRole.Finance), Name(ApiRole.Auditor)];

    public static string Name(ApiRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The association role <paramref name="name"/> names; null for anything else, the operator's role included.</summary>
    public static ApiRole? Parse(string name) =>
        AssociationRoleNames.Contains(name, StringComparer.Ordinal) && Enum.TryParse<ApiRole>(name, ignoreCase: true, out var role) ? role : null;
}
