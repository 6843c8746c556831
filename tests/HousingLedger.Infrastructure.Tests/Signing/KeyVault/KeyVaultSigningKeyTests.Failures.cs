using Azure;
using HousingLedger.Infrastructure.Signing.KeyVault;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

public sealed partial class KeyVaultSigningKeyTests
{
    [Fact]
    public async Task A_throttled_sign_is_sent_again_after_the_seconds_in_Retry_After()
    {
        var signer = Signer(StandIn.CreateKeyVersion());
        StandIn.ThrottleNextSign("1");

        var signature = await signer.SignDigestAsync(Digest("block 0"));

        Assert.True((await signer.GetPublicKeyAsync()).VerifyDigest(Digest("block 0"), signature));
        var waited = WaitBetweenSigns();
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"the retry came {waited.TotalMilliseconds} ms after the 429, sooner than its Retry-After of 1 s");
    }

    [Fact]
    public async Task A_throttled_sign_is_sent_again_after_the_time_in_an_http_date_Retry_After()
    {
        var signer = Signer(StandIn.CreateKeyVersion());
        await signer.GetPublicKeyAsync();
        StandIn.ThrottleNextSign(DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"));

        await signer.SignDigestAsync(Digest("block 0"));

        // The date has whole seconds, so the wait is between one and two seconds.
        var waited = WaitBetweenSigns();
        Assert.True(waited >= TimeSpan.FromMilliseconds(900), $"the retry came {waited.TotalMilliseconds} ms after the 429, before the date in its Retry-After");
    }

    [Fact]
    public async Task An_unavailable_vault_and_a_dropped_connection_are_retried()
    {
        var signer = Signer(StandIn.CreateKeyVersion());
        StandIn.FailNextSign();
        StandIn.DropNextSign();

        var signature = await signer.SignDigestAsync(Digest("block 0"));

        Assert.True((await signer.GetPublicKeyAsync()).VerifyDigest(Digest("block 0"), signature));
        Assert.Equal(3, StandIn.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_fails_with_the_status_and_Key_Vaults_error_code()
    {
        var signer = Signer(StandIn.CreateKeyVersion());
        for (var i = 0; i < 4; i++)
        {
            StandIn.ThrottleNextSign("0");
        }

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => signer.SignDigestAsync(Digest("block 0")));

        Assert.Equal(429, failed.Status);
        Assert.Equal("Throttled", failed.ErrorCode);
        Assert.Equal(4, StandIn.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_refusal_names_the_status_Key_Vaults_error_codes_and_the_key_and_is_not_retried()
    {
        var key = StandIn.CreateKeyVersion();
        StandIn.ForbidSigningWith(key);

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => Signer(key).SignDigestAsync(Digest("block 0")));

        Assert.Equal(403, failed.Status);
        Assert.Equal("Forbidden", failed.ErrorCode);
        foreach (var part in new[] { "403", "Forbidden", "ForbiddenByRbac", "keys/sign/action", key.ToString() })
        {
            Assert.True(failed.Message.Contains(part, StringComparison.Ordinal), $"the message does not name '{part}': {failed.Message}");
        }

        Assert.Single(StandIn.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_key_version_the_vault_does_not_hold_fails_with_KeyNotFound()
    {
        var missing = KeyVaultKeyUri.Parse($"https://{KeyVaultStandIn.VaultHost}/keys/ledger-signing/{new string('0', 32)}").Value;

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => Signer(missing).GetPublicKeyAsync());

        Assert.Equal(404, failed.Status);
        Assert.Equal("KeyNotFound", failed.ErrorCode);
    }

    /// <summary>The time between the first sign request and the next.</summary>
    private TimeSpan WaitBetweenSigns()
    {
        var signs = StandIn.Requests.Where(r => r.Method == "POST").ToList();
        Assert.True(signs.Count == 2, $"expected the throttled sign and one retry, saw {signs.Count} sign requests");
        return signs[1].At - signs[0].At;
    }
}
