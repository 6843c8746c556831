using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Access;

/// <summary>
/// An association's admin issues keys with a name and a role, lists them without their secrets and revokes them;
/// a revoked key is refused on its next request, and the association always keeps an admin key.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class KeyManagementTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private Association admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        admin = await Api.OnboardAssociationAsync();
    }

    [Fact]
    public async Task An_issued_key_is_shown_once_listed_without_its_secret_and_works_for_its_role_alone()
    {
        var issued = await Api.JsonAsync(HttpMethod.Post, "/api/keys", admin.ApiKey, """{"name":"Payments team","role":"finance"}""", HttpStatusCode.Created);
        var finance = admin with { ApiKey = (string)issued["apiKey"]! };

        using var listed = await Api.SendAsync(HttpMethod.Get, "/api/keys", admin.ApiKey);
        var text = await listed.Content.ReadAsStringAsync();
        var keys = JsonNode.Parse(text)!["keys"]!.AsArray().Select(k => ((string)k!["name"]!, (string)k["role"]!)).ToList();
        Assert.Equal([("onboarding", "admin"), ("Payments team", "finance")], keys);
        Assert.DoesNotContain(finance.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("keyHash", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, "/api/payment-batches", finance.ApiKey));
        Assert.Equal(HttpStatusCode.Forbidden, await Api.StatusAsync(HttpMethod.Get, "/api/keys", finance.ApiKey));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_its_next_request_and_is_no_longer_listed()
    {
        var (auditor, keyId) = await Api.IssueKeyAsync(admin, "auditor");
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, $"/api/ledger/{admin.AssociationId}/head", auditor.ApiKey));

        Assert.Equal(HttpStatusCode.NoContent, await Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{keyId}", admin.ApiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, await Api.StatusAsync(HttpMethod.Get, $"/api/ledger/{admin.AssociationId}/head", auditor.ApiKey));
        Assert.Equal(["onboarding"], await NamesAsync());
        Assert.Equal(HttpStatusCode.NotFound, await Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{keyId}", admin.ApiKey));
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { """{"name":"Board","role":"operator"}""", "role" },
        { """{"name":"Board","role":"superuser"}""", "role" },
        { """{"name":"Board","role":"Admin"}""", "role" },
        { """{"name":"Board"}""", "role" },
        { """{"role":"finance"}""", "name" },
        { """{"name":"","role":"finance"}""", "name" },
        { """{"name":12,"role":"finance"}""", "name" },
        { $$"""{"name":"{{new string('n', 101)}}","role":"finance"}""", "name" },
        { """{"name":"Board","role":"finance","expires":"2027-01-01T00:00:00Z"}""", "expires" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_key_with_an_unknown_role_or_a_missing_or_overlong_name_is_refused_naming_the_field_and_nothing_is_issued(string body, string field)
    {
        var problem = await Api.JsonAsync(HttpMethod.Post, "/api/keys", admin.ApiKey, body, HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]?[field] is not null, $"{body}: the problem does not name '{field}': {problem.ToJsonString()}");
        Assert.Equal(["onboarding"], await NamesAsync());
    }

    [Fact]
    public async Task Another_associations_key_cannot_be_revoked_and_is_refused_as_a_key_that_does_not_exist()
    {
        var other = await Api.OnboardAssociationAsync("Meadow Housing");
        var (theirs, theirId) = await Api.IssueKeyAsync(other, "finance");

        var refused = await Api.JsonAsync(HttpMethod.Delete, $"/api/keys/{theirId}", admin.ApiKey, expect: HttpStatusCode.NotFound);
        var missing = await Api.JsonAsync(HttpMethod.Delete, "/api/keys/key_doesnotexist", admin.ApiKey, expect: HttpStatusCode.NotFound);

        Assert.Equal(((string?)missing["type"], (string?)missing["title"]), ((string?)refused["type"], (string?)refused["title"]));
        Assert.Equal(((string)missing["detail"]!).Replace("key_doesnotexist", theirId, StringComparison.Ordinal), (string?)refused["detail"]);
        Assert.Equal(HttpStatusCode.OK, await Api.StatusAsync(HttpMethod.Get, "/api/payment-batches", theirs.ApiKey));
        Assert.Equal(HttpStatusCode.NotFound, await Api.StatusAsync(HttpMethod.Delete, "/api/keys/key'x", admin.ApiKey));
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked_and_the_refusal_names_it()
    {
        var firstId = await OnboardingKeyIdAsync();

        var refused = await Api.JsonAsync(HttpMethod.Delete, $"/api/keys/{firstId}", admin.ApiKey, expect: HttpStatusCode.Conflict);
        Assert.NotNull(refused["errors"]?["keyId"]);
        Assert.Contains(firstId, (string)refused["detail"]!, StringComparison.Ordinal);

        var (second, secondId) = await Api.IssueKeyAsync(admin, "admin");
        Assert.Equal(HttpStatusCode.NoContent, await Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{firstId}", second.ApiKey));
        Assert.Equal(HttpStatusCode.Conflict, await Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{secondId}", second.ApiKey));
    }

    [Fact]
    public async Task Two_admin_keys_revoking_each_other_at_once_leave_one_of_them()
    {
        var (second, secondId) = await Api.IssueKeyAsync(admin, "admin");
        var firstId = await OnboardingKeyIdAsync();

        // Each key revokes the other; whichever loses is refused as the last admin key, or as revoked already.
        var statuses = await Task.WhenAll(
            Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{firstId}", second.ApiKey),
            Api.StatusAsync(HttpMethod.Delete, $"/api/keys/{secondId}", admin.ApiKey));

        Assert.Single(statuses, HttpStatusCode.NoContent);
        Assert.Contains(statuses.Single(s => s != HttpStatusCode.NoContent), new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized });
        var survivor = statuses[0] == HttpStatusCode.NoContent ? second : admin;
        var listed = await Api.JsonAsync(HttpMethod.Get, "/api/keys", survivor.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("admin", (string?)Assert.Single(listed["keys"]!.AsArray())!["role"]);
    }

    private async Task<List<string>> NamesAsync()
    {
        var listed = await Api.JsonAsync(HttpMethod.Get, "/api/keys", admin.ApiKey, expect: HttpStatusCode.OK);
        return [.. listed["keys"]!.AsArray().Select(k => (string)k!["name"]!)];
    }

    /// <summary>The id of the admin key the association was onboarded with, listed under the name <c>onboarding</c>.</summary>
    private async Task<string> OnboardingKeyIdAsync()
    {
        var listed = await Api.JsonAsync(HttpMethod.Get, "/api/keys", admin.ApiKey, expect: HttpStatusCode.OK);
        return (string)listed["keys"]!.AsArray().Single(k => (string)k!["name"]! == "onboarding")!["keyId"]!;
    }
}
