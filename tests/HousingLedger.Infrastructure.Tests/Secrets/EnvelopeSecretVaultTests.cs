using System.Text.Json.Nodes;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.Tests.Secrets;

/// <summary>Webhook secrets sealed locally: each under its own data key, wrapped by the local key-encryption key.</summary>
public sealed class EnvelopeSecretVaultTests : IDisposable
{
    private static readonly SupplierId Supplier = TypedId.Parse<SupplierId>("sup_acme");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hl-kek-");

    [Fact]
    public async Task A_sealed_secret_opens_to_itself_after_the_key_file_is_loaded_again()
    {
        var secret = WebhookSecret.Generate();
        var sealedSecret = await Vault().SealAsync(Supplier, secret);

        var opened = await Vault().OpenAsync(Supplier, sealedSecret);

        Assert.Equal(secret.ToString(), opened.ToString());
    }

    [Fact]
    public async Task The_envelope_holds_neither_the_secret_nor_its_key()
    {
        var secret = WebhookSecret.Generate();

        var text = (await Vault().SealAsync(Supplier, secret)).ToJsonString();

        Assert.DoesNotContain(secret.ToString()[WebhookSecret.Prefix.Length..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(secret.Key), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WebhookSecret.Prefix, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sealing_the_same_secret_twice_gives_different_envelopes()
    {
        var secret = WebhookSecret.Generate();
        var vault = Vault();

        var first = (await vault.SealAsync(Supplier, secret)).ToJsonString();
        var second = (await vault.SealAsync(Supplier, secret)).ToJsonString();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("dataKey", 0)]
    [InlineData("dataKey", 20)]
    [InlineData("dataKey", -1)]
    [InlineData("secret", 0)]
    [InlineData("secret", 30)]
    [InlineData("secret", -1)]
    public async Task Flipping_any_bit_of_an_envelope_is_detected(string box, int index)
    {
        var sealedSecret = await Vault().SealAsync(Supplier, WebhookSecret.Generate());
        var bytes = Convert.FromBase64String((string)sealedSecret["envelope"]![box]!);
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;
        sealedSecret["envelope"]![box] = Convert.ToBase64String(bytes);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Vault().OpenAsync(Supplier, sealedSecret));

        Assert.Contains("does not authenticate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_copied_to_another_supplier_does_not_open()
    {
        var sealedSecret = await Vault().SealAsync(Supplier, WebhookSecret.Generate());

        await Assert.ThrowsAsync<InvalidDataException>(() => Vault().OpenAsync(TypedId.Parse<SupplierId>("sup_other"), sealedSecret));
    }

    [Fact]
    public async Task A_secret_box_swapped_between_two_envelopes_does_not_open()
    {
        var vault = Vault();
        var one = await vault.SealAsync(Supplier, WebhookSecret.Generate());
        var other = await vault.SealAsync(Supplier, WebhookSecret.Generate());
        one["envelope"]!["secret"] = other["envelope"]!["secret"]!.DeepClone();

        await Assert.ThrowsAsync<InvalidDataException>(() => vault.OpenAsync(Supplier, one));
    }

    [Fact]
    public async Task An_envelope_wrapped_by_another_key_file_is_refused_naming_both_keys()
    {
        var sealedSecret = await Vault().SealAsync(Supplier, WebhookSecret.Generate());
        var elsewhere = new EnvelopeSecretVault(LocalKeyEncryptionKey.LoadOrCreate(Path.Combine(folder.FullName, "other.key")));

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => elsewhere.OpenAsync(Supplier, sealedSecret));

        Assert.Contains((string)sealedSecret["envelope"]!["kek"]!, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Key_Vault_reference_is_refused_naming_the_setting()
    {
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Vault().OpenAsync(Supplier, new JsonObject { ["keyVault"] = new JsonObject() }));

        Assert.Contains("WebhookSecrets:KeyVaultUri", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_file_is_created_once_readable_by_its_owner_only()
    {
        var path = Path.Combine(folder.FullName, "nested", "webhook-secrets.key");

        var first = LocalKeyEncryptionKey.LoadOrCreate(path);
        var again = LocalKeyEncryptionKey.LoadOrCreate(path);

        Assert.Equal(first.Id, again.Id);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_key_file_that_is_not_32_bytes_of_base64_is_refused()
    {
        var path = Path.Combine(folder.FullName, "short.key");
        File.WriteAllText(path, Convert.ToBase64String(new byte[16]));

        Assert.Throws<InvalidDataException>(() => LocalKeyEncryptionKey.LoadOrCreate(path));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private EnvelopeSecretVault Vault() => new(LocalKeyEncryptionKey.LoadOrCreate(Path.Combine(folder.FullName, "webhook-secrets.key")));
}
