using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary><c>GET /api/caller</c> tells any key who it is: its role and, for an association's key, the association and its name.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class CallerTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task Each_association_role_is_told_its_role_its_association_and_the_associations_name()
    {
        var admin = await Api.OnboardAssociationAsync("Riverside Homes");
        var keys = new Dictionary<string, string> { ["admin"] = admin.ApiKey };
        foreach (var role in new[] { "finance", "auditor" })
        {
            keys[role] = (await Api.IssueKeyAsync(admin, role)).Key.ApiKey;
        }

        foreach (var (role, key) in keys)
        {
            var caller = await Api.JsonAsync(HttpMethod.Get, "/api/caller", key, expect: HttpStatusCode.OK);

            Assert.Equal(role, (string?)caller["role"]);
            Assert.Equal(admin.AssociationId, (string?)caller["associationId"]);
            Assert.Equal("Riverside Homes", (string?)caller["associationName"]);
        }
    }

    [Fact]
    public async Task The_operator_is_told_its_role_with_no_association()
    {
        var caller = await Api.JsonAsync(HttpMethod.Get, "/api/caller", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

        Assert.Equal("operator", (string?)caller["role"]);
        Assert.True(caller.ContainsKey("associationId") && caller["associationId"] is null, caller.ToJsonString());
        Assert.True(caller.ContainsKey("associationName") && caller["associationName"] is null, caller.ToJsonString());
    }

    [Fact]
    public async Task No_key_an_unknown_key_and_a_suspended_associations_key_are_refused()
    {
        var association = await Api.OnboardAssociationAsync("Suspended Homes");
        await Api.JsonAsync(HttpMethod.Post, $"/api/associations/{association.AssociationId}/suspension", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, await Api.StatusAsync(HttpMethod.Get, "/api/caller", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Api.StatusAsync(HttpMethod.Get, "/api/caller", "not-a-key"));
        var suspended = await Api.JsonAsync(HttpMethod.Get, "/api/caller", association.ApiKey, expect: HttpStatusCode.Forbidden);
        Assert.Equal("urn:housingledger:problem:suspended", (string?)suspended["type"]);
    }
}
