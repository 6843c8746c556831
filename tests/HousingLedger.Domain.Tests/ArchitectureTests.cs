using System.Xml.Linq;
using HousingLedger.Values;

namespace HousingLedger;

/// <summary>The domain stays plain C#: no Azure, HTTP or hosting types, so it is tested in milliseconds.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Azure", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Net.Http"];

    [Fact]
    public void The_domain_assembly_references_no_Azure_HTTP_or_hosting_assembly()
    {
        var references = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = references.Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        Assert.True(forbidden.Count == 0, "The domain references " + string.Join(", ", forbidden));
    }

    [Fact]
    public void The_domain_project_takes_no_packages_and_no_framework_beyond_the_base_library()
    {
        var project = XDocument.Load(DomainProjectFile());

        var extras = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToList();

        Assert.True(extras.Count == 0, "The domain project references " + string.Join(", ", extras));
    }

    private static string DomainProjectFile() => SourceTree.PathOf("functions", "HousingLedger.Domain", "HousingLedger.Domain.csproj");
}
