using Azure;
using HousingLedger.Infrastructure.Signing.KeyVault;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

public sealed partial class KeyVaultSigningKeyTests
{
    [Fact]
    public async Task The_first_request_carries_no_token_and_the_token_is_for_the_resource_and_tenant_the_challenge_named()
    {
        var signer = Signer(StandIn.CreateKeyVersion());

        await signer.SignDigestAsync(Digest("block 0"));

        var requests = StandIn.Requests.ToList();
        Assert.True(requests[0].Authorization.Length == 0, $"the first request carried '{requests[0].Authorization}'");
        Assert.All(requests.Skip(1), r => Assert.Equal("Bearer " + StandIn.AcceptedToken, r.Authorization));
        Assert.All(requests, r => Assert.Equal(KeyVaultSigningKey.ServiceVersion, r.ApiVersion));
        var asked = Assert.Single(Credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], asked.Scopes);
        Assert.Equal(KeyVaultStandIn.TenantId, asked.TenantId);
    }

    [Fact]
    public async Task A_challenge_that_names_a_scope_instead_of_a_resource_is_followed()
    {
        StandIn.ChallengeNamesScope = true;

        await Signer(StandIn.CreateKeyVersion()).SignDigestAsync(Digest("block 0"));

        Assert.Equal(["https://vault.azure.net/.default"], Assert.Single(Credential.Requests).Scopes);
    }

    [Theory]
    [InlineData("https://vault.attacker.example")]
    [InlineData("https://azure.net")]
    [InlineData("https://hl-test.vault.azure.net.attacker.example")]
    [InlineData("http://vault.azure.net")]
    public async Task A_challenge_naming_a_resource_outside_the_vaults_domain_is_refused_without_asking_for_or_sending_a_token(string resource)
    {
        StandIn.ChallengeResource = resource;

        var refused = await Assert.ThrowsAsync<KeyVaultSigningException>(() => Signer(StandIn.CreateKeyVersion()).SignDigestAsync(Digest("block 0")));

        Assert.Contains(resource, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Credential.Requests);
        Assert.All(StandIn.Requests, r => Assert.True(r.Authorization.Length == 0, $"a request carried '{r.Authorization}'"));
    }

    [Fact]
    public async Task A_token_the_vault_rejects_fails_with_401_and_Key_Vaults_message()
    {
        var rejected = new RecordingCredential("token-the-vault-does-not-know");

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => Signer(StandIn.CreateKeyVersion(), rejected).GetPublicKeyAsync());

        Assert.Equal(401, failed.Status);
        Assert.Equal("Unauthorized", failed.ErrorCode);
        Assert.Contains("AKV10022", failed.Message, StringComparison.Ordinal);
    }
}
