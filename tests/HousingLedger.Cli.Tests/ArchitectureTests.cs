using System.Xml.Linq;

namespace HousingLedger.Cli;

/// <summary>
/// hl runs on an auditor's laptop with no access to the service: it references the domain and the witnessing library,
/// and nothing of Azure or of the service. (Only <c>hl witness</c>, which an association runs against the service, uses HTTP.)
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Azure", "Microsoft.AspNetCore", "Microsoft.Azure", "Microsoft.Extensions", "HousingLedger.Infrastructure", "HousingLedger.Functions"];

    [Fact]
    public void The_hl_assembly_references_no_Azure_or_service_assembly()
    {
        var references = typeof(Hl).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = references.Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        Assert.True(forbidden.Count == 0, "hl references " + string.Join(", ", forbidden));
    }

    [Fact]
    public void The_hl_project_references_the_domain_and_witnessing_projects_alone()
    {
        var project = XDocument.Load(SourceTree.PathOf("functions", "HousingLedger.Cli", "HousingLedger.Cli.csproj"));

        var projects = project.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => e.Attribute("Include")!.Value).ToList();

        Assert.Equal([@"..\HousingLedger.Domain\HousingLedger.Domain.csproj", @"..\HousingLedger.Witnessing\HousingLedger.Witnessing.csproj"], projects);
    }
}
