using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Access;

/// <summary>
/// The "Who may call what" table of docs/api.md, read as data: for each route, the status each kind of caller
/// gets, and what an association's key gets for another association's resource.
/// </summary>
public sealed record RouteRoleTable(IReadOnlyList<RouteRoles> Routes)
{
    /// <summary>The callers, in the table's column order; <c>none</c> sends no key.</summary>
    public static readonly string[] Callers = ["operator", "admin", "finance", "auditor", "none"];

    private const string Heading = "### Who may call what";

    public static RouteRoleTable Read()
    {
        var lines = File.ReadAllLines(TestRepository.PathOf("docs/api.md"));
        var start = Array.IndexOf(lines, Heading);
        Assert.True(start >= 0, $"docs/api.md has no '{Heading}' section.");
        var rows = lines.Skip(start).SkipWhile(line => !line.StartsWith("| route |", StringComparison.Ordinal)).Skip(2).TakeWhile(line => line.StartsWith('|'));
        return new RouteRoleTable([.. rows.Select(RouteRoles.Parse)]);
    }
}

/// <summary>One row: <c>GET jobs/{jobId}</c> (method and route as the function declares them) and its answers.</summary>
public sealed record RouteRoles(string Operation, IReadOnlyDictionary<string, int> Own, int? AnotherAssociations)
{
    public static RouteRoles Parse(string row)
    {
        var cells = row.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.True(cells.Length == RouteRoleTable.Callers.Length + 2, $"docs/api.md: the row '{row}' has {cells.Length} cells, not {RouteRoleTable.Callers.Length + 2}.");
        var route = cells[0].Trim('`').Split(' ');
        var own = RouteRoleTable.Callers.Select((caller, i) => (caller, Status: int.Parse(cells[i + 1], System.Globalization.CultureInfo.InvariantCulture)));
        var another = cells[^1] == "—" ? (int?)null : int.Parse(cells[^1], System.Globalization.CultureInfo.InvariantCulture);
        return new RouteRoles($"{route[0]} {route[1].TrimStart('/')}", own.ToDictionary(c => c.caller, c => c.Status), another);
    }
}
