using HousingLedger.Infrastructure.Directories;
using HousingLedger.Values;

namespace HousingLedger.Functions.Access;

/// <summary>
/// An association's admin issues, lists and revokes its API keys (SPEC §9). A key is shown once, when issued; only its
/// SHA-256 is kept. Every change is made against the version of the association's key ring it was decided on, so two
/// revocations at once cannot leave it without an admin key.
/// </summary>
public sealed class KeyManagement(ApiKeyStore store, TimeProvider time)
{
    /// <summary>The most live keys an association holds; its key ring is one storage row.</summary>
    public const int MaxKeys = 50;

    // A change lost to a concurrent one is decided again on the ring as it now is, a few times, before giving up.
    private const int Attempts = 5;

    public async Task<KeyIssued> IssueAsync(AssociationId associationId, string name, ApiRole role, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var ring = await store.GetRingAsync(associationId, cancellationToken);
            if (ring.Keys.Count >= MaxKeys)
            {
                return new KeyIssued.TooMany();
            }

            var secret = ApiKeys.NewKey();
            var key = new IssuedKey(TypedId.New<ApiKeyId>(), name, ApiRoles.Name(role), time.GetUtcNow(), ApiKeys.Hash(secret));
            if (await store.TryAddAsync(associationId, ring, key, cancellationToken))
            {
                return new KeyIssued.Issued(key, secret);
            }
        }

        return new KeyIssued.Contended();
    }

    /// <summary>The association's live keys, oldest first, without their secrets.</summary>
    public async Task<IReadOnlyList<IssuedKey>> ListAsync(AssociationId associationId, CancellationToken cancellationToken) =>
        (await store.GetRingAsync(associationId, cancellationToken)).Keys;

    public async Task<KeyRevoked> RevokeAsync(AssociationId associationId, ApiKeyId keyId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var ring = await store.GetRingAsync(associationId, cancellationToken);
            if (ring.Keys.SingleOrDefault(k => k.KeyId == keyId) is not { } key)
            {
                return new KeyRevoked.NoKey();
            }

            var admin = ApiRoles.Name(ApiRole.Admin);
            if (key.Role == admin && ring.Keys.Count(k => k.Role == admin) == 1)
            {
                return new KeyRevoked.LastAdmin();
            }

            if (await store.TryRemoveAsync(associationId, ring, key, cancellationToken))
            {
                return new KeyRevoked.Revoked(key);
            }
        }

        return new KeyRevoked.Contended();
    }
}

/// <summary>How issuing a key ended.</summary>
public abstract record KeyIssued
{
    private KeyIssued()
    {
    }

    /// <summary>Issued: the key itself, shown this once.</summary>
    public sealed record Issued(IssuedKey Key, string Secret) : KeyIssued;

    /// <summary>The association holds <see cref="KeyManagement.MaxKeys"/> keys already; nothing was issued.</summary>
    public sealed record TooMany : KeyIssued;

    /// <summary>The key ring kept changing under the attempt; nothing was issued.</summary>
    public sealed record Contended : KeyIssued;
}

/// <summary>How revoking a key ended.</summary>
public abstract record KeyRevoked
{
    private KeyRevoked()
    {
    }

    /// <summary>Revoked: it authenticates nothing from now on.</summary>
    public sealed record Revoked(IssuedKey Key) : KeyRevoked;

    /// <summary>The association has no live key of that id (it never had, it was revoked, or it is another's).</summary>
    public sealed record NoKey : KeyRevoked;

    /// <summary>It is the association's only admin key, and without one nobody could manage its keys again.</summary>
    public sealed record LastAdmin : KeyRevoked;

    /// <summary>The key ring kept changing under the attempt; nothing was revoked.</summary>
    public sealed record Contended : KeyRevoked;
}
