namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>A named endpoint under <c>/api</c>, declared to the Functions host as an httpTrigger function.</summary>
/// <param name="Name">The endpoint name (<c>.WithName(...)</c>), which is the function name.</param>
/// <param name="Route">The route template without the leading <c>api/</c>; the host adds its route prefix.</param>
/// <param name="Methods">Lowercase HTTP methods; empty means every method.</param>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods);
