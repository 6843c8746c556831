using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

public sealed partial class KeyVaultSigningKeyTests
{
    private const string Chain = "assoc_riverside";

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Blocks_sealed_before_and_after_a_rotation_name_their_own_versions_and_verify_with_both_published()
    {
        // az keyvault key rotate: the same key name, a new version, a new versioned URI in the app's settings.
        var before = Signer(StandIn.CreateKeyVersion());
        var after = Signer(StandIn.CreateKeyVersion());
        var first = await BlockSealer.SealAsync(Chain, null, [RaisedJob("evt_job_1", 0)], Monday.AddHours(1), before);
        var second = await BlockSealer.SealAsync(Chain, ChainHead.After(null, first), [RaisedJob("evt_job_2", 90)], Monday.AddHours(2), after);

        var published = new Jwks([await before.GetPublicKeyAsync(), await after.GetPublicKeyAsync()]);
        var verifier = new ChainVerifier(Chain, published.Find);

        Assert.Equal(before.KeyId, first.Header.Kid);
        Assert.Equal(after.KeyId, second.Header.Kid);
        Assert.NotEqual(first.Header.Kid, second.Header.Kid);
        Assert.True(verifier.Add(first) && verifier.Add(second), verifier.Result.Failure?.ToString());
    }

    [Fact]
    public async Task Blocks_signed_by_a_retired_version_no_longer_verify_once_it_is_unpublished()
    {
        var before = Signer(StandIn.CreateKeyVersion());
        var after = Signer(StandIn.CreateKeyVersion());
        var first = await BlockSealer.SealAsync(Chain, null, [RaisedJob("evt_job_1", 0)], Monday.AddHours(1), before);

        var onlyTheNewVersion = new ChainVerifier(Chain, new Jwks([await after.GetPublicKeyAsync()]).Find);

        Assert.False(onlyTheNewVersion.Add(first), "a block verified without its key published");
    }

    private static LedgerTransaction RaisedJob(string eventId, int minutesAfterMonday) => new(
        "job.raised",
        Chain,
        eventId,
        Monday.AddMinutes(minutesAfterMonday),
        Monday.AddMinutes(minutesAfterMonday).AddSeconds(1),
        "association:assoc_riverside",
        "job:job_flat12",
        new JsonObject { ["itemCode"] = "OVEN-600-SINGLE", ["quantity"] = 1, ["propertyRef"] = "UPRN-100023336956" });
}
