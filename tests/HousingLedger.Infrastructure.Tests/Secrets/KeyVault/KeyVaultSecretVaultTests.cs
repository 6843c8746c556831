using System.Text.Json.Nodes;
using Azure;
using HousingLedger.Infrastructure.Secrets.KeyVault;
using HousingLedger.Infrastructure.Tests.Signing.KeyVault;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.Tests.Secrets.KeyVault;

/// <summary>
/// Webhook secrets in Key Vault, against the same <see cref="KeyVaultStandIn"/> the signer is tested against: a
/// contract test of Key Vault's documented REST behaviour for secrets (challenge, set, get, errors), not of Azure.
/// </summary>
public sealed class KeyVaultSecretVaultTests : KeyVaultStandInTest
{
    private static readonly SupplierId Supplier = TypedId.Parse<SupplierId>("sup_Acme_Ovens");

    [Fact]
    public async Task Sealing_writes_the_secret_to_the_vault_and_leaves_only_its_name_and_version_to_store()
    {
        var secret = WebhookSecret.Generate();

        var sealedSecret = await SecretVault().SealAsync(Supplier, secret);

        var reference = sealedSecret["keyVault"]!.AsObject();
        Assert.Equal(["name", "version"], reference.Select(member => member.Key));
        Assert.DoesNotContain(secret.ToString()[WebhookSecret.Prefix.Length..], sealedSecret.ToJsonString(), StringComparison.Ordinal);
        var (name, version) = ((string)reference["name"]!, (string)reference["version"]!);
        Assert.Equal(KeyVaultSecretVault.SecretNameOf(Supplier), name);
        Assert.Equal(secret.ToString(), StandIn.SecretValue(name, version));
        Assert.Equal(Supplier.Value, (string?)StandIn.SecretTags(name, version)?["supplierId"]);
    }

    [Fact]
    public async Task A_sealed_secret_opens_from_the_vault_in_another_instance_that_never_saw_it()
    {
        var secret = WebhookSecret.Generate();
        var sealedSecret = await SecretVault().SealAsync(Supplier, secret);

        var opened = await SecretVault().OpenAsync(Supplier, sealedSecret);

        Assert.Equal(secret.ToString(), opened.ToString());
        Assert.Contains(StandIn.Requests, r => r.Method == "GET" && r.Path.StartsWith("/secrets/", StringComparison.Ordinal) && r.ApiVersion == "2025-07-01");
    }

    [Fact]
    public async Task Each_rotation_is_a_new_version_and_each_version_opens_to_its_own_secret()
    {
        var store = SecretVault();
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();
        var sealedFirst = await store.SealAsync(Supplier, first);
        var sealedSecond = await store.SealAsync(Supplier, second);

        Assert.Equal((string)sealedFirst["keyVault"]!["name"]!, (string)sealedSecond["keyVault"]!["name"]!);
        Assert.NotEqual((string)sealedFirst["keyVault"]!["version"]!, (string)sealedSecond["keyVault"]!["version"]!);
        Assert.Equal(first.ToString(), (await SecretVault().OpenAsync(Supplier, sealedFirst)).ToString());
        Assert.Equal(second.ToString(), (await SecretVault().OpenAsync(Supplier, sealedSecond)).ToString());
    }

    [Fact]
    public async Task The_vault_is_asked_for_a_token_only_for_the_resource_its_challenge_names()
    {
        await SecretVault().SealAsync(Supplier, WebhookSecret.Generate());

        // The SDK keeps a vault's challenge for the process, so only the first client ever sees the 401.
        Assert.NotEmpty(Credential.Requests);
        Assert.All(Credential.Requests, asked => Assert.Equal(["https://vault.azure.net/.default"], asked.Scopes));
        Assert.All(Credential.Requests, asked => Assert.Equal(KeyVaultStandIn.TenantId, asked.TenantId));
        Assert.All(StandIn.Requests.Where(r => r.Method == "PUT" && r.Authorization.Length > 0), r => Assert.Equal("Bearer " + StandIn.AcceptedToken, r.Authorization));
    }

    [Fact]
    public async Task Secret_names_differ_for_ids_that_differ_only_in_case_or_underscore_and_fit_Key_Vaults_rule()
    {
        var names = new[] { "sup_a", "sup_A", "sup-a" }.Select(id => KeyVaultSecretVault.SecretNameOf(TypedId.Parse<SupplierId>(id))).ToList();

        Assert.Equal(3, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches("^[0-9a-zA-Z-]{1,127}$", name));
    }

    [Fact]
    public async Task A_reference_copied_to_another_suppliers_row_is_refused_before_the_vault_is_asked()
    {
        var sealedSecret = await SecretVault().SealAsync(Supplier, WebhookSecret.Generate());
        var before = StandIn.Requests.Count;

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => SecretVault().OpenAsync(TypedId.Parse<SupplierId>("sup_other"), sealedSecret));

        Assert.Contains("sup_other", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, StandIn.Requests.Count);
    }

    [Fact]
    public async Task A_local_envelope_is_refused_naming_the_setting()
    {
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => SecretVault().OpenAsync(Supplier, new JsonObject { ["envelope"] = new JsonObject() }));

        Assert.Contains("WebhookSecrets:KeyVaultUri", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secrets_role_the_vaults_refusal_reaches_the_caller_with_its_status()
    {
        StandIn.ForbidSecrets = true;

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => SecretVault().SealAsync(Supplier, WebhookSecret.Generate()));

        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task A_version_the_vault_does_not_have_is_a_404()
    {
        var missing = new JsonObject { ["keyVault"] = new JsonObject { ["name"] = KeyVaultSecretVault.SecretNameOf(Supplier), ["version"] = "0123456789abcdef" } };

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => SecretVault().OpenAsync(Supplier, missing));

        Assert.Equal(404, refused.Status);
    }

    [Theory]
    [InlineData("https://hl-test.vault.azure.net/", true)]
    [InlineData("https://HL-Test.vault.azure.net", true)]
    [InlineData("http://hl-test.vault.azure.net/", false)]
    [InlineData("https://hl-test.vault.azure.net/secrets/x", false)]
    [InlineData("https://hl-test.vault.azure.net:8443/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("https://a.b.vault.azure.net/", false)]
    [InlineData("https://pool.managedhsm.azure.net/", false)]
    [InlineData("", false)]
    public void A_vault_uri_is_a_vaults_https_address_and_nothing_else(string text, bool valid) =>
        Assert.Equal(valid, KeyVaultSecretVault.ParseVaultUri(text).IsValid);

    private KeyVaultSecretVault SecretVault()
    {
        var options = KeyVaultSecretVault.ClientOptions();
        options.Transport = StandIn.CreateTransport();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new KeyVaultSecretVault(new Uri($"https://{KeyVaultStandIn.VaultHost}/"), Credential, options);
    }
}
