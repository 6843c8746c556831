using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The contracts an association holds, owned or joined, as rows <c>contract|{contractId}</c> of its state partition.
/// The owner's row lists the members it shared the contract with; a member's copy names the owner.
/// </summary>
public sealed class ContractStore(StateStore state)
{
    private const string Prefix = "contract|";

    public async Task<StoredContract?> GetAsync(AssociationId associationId, ContractId contractId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(associationId.Value, Key(contractId), cancellationToken) is { } row
            ? new StoredContract(HeldContract.FromDocument(row.Document), row.Version)
            : null;

    /// <summary>Every contract the association holds, in id order.</summary>
    public async IAsyncEnumerable<HeldContract> ListAsync(AssociationId associationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, Prefix, cancellationToken))
        {
            yield return HeldContract.FromDocument(row.Document);
        }
    }

    /// <summary>The row that records an association coming to hold a contract (registered, or joined); it must not exist yet.</summary>
    public static StateChange Held(HeldContract contract) => StateChange.Create(Key(contract.ContractId), contract.ToDocument());

    /// <summary>The row that replaces <paramref name="stored"/> with <paramref name="next"/>, against the version read.</summary>
    public static StateChange Updated(StoredContract stored, HeldContract next) => StateChange.Replace(Key(next.ContractId), next.ToDocument(), stored.Version);

    private static string Key(ContractId contractId) => Prefix + contractId.Value;
}

/// <summary>A contract as an association holds it: its terms (canonical JSON), their hash, its owner and, on the owner's row, its members.</summary>
public sealed record HeldContract(ContractId ContractId, AssociationId OwnerId, string TermsHash, JsonObject Terms, IReadOnlyList<AssociationId> Members)
{
    /// <summary>Every association that holds it: its owner, then its members.</summary>
    public IReadOnlyList<AssociationId> Holders => [.. Members.Prepend(OwnerId).Distinct()];

    public ContractTerms ParseTerms() => ContractTerms.FromCanonicalJson(Terms);

    /// <summary>The row's document, which <c>GET /api/contracts/{id}</c> answers as it is.</summary>
    public JsonObject ToDocument()
    {
        var document = new JsonObject
        {
            ["contractId"] = ContractId.Value,
            ["ownerId"] = OwnerId.Value,
            ["termsHash"] = TermsHash,
            ["terms"] = Terms.DeepClone(),
        };
        if (Members.Count > 0)
        {
            document["members"] = new JsonArray([.. Members.Select(m => JsonValue.Create(m.Value))]);
        }

        return document;
    }

    public static HeldContract FromDocument(JsonObject document) => new(
        TypedId.Parse<ContractId>((string)document["contractId"]!),
        TypedId.Parse<AssociationId>((string)document["ownerId"]!),
        (string)document["termsHash"]!,
        document["terms"]!.AsObject(),
        [.. document["members"]?.AsArray().Select(m => TypedId.Parse<AssociationId>((string)m!)) ?? []]);
}

/// <summary>A contract as stored, with the version (ETag) to update it against.</summary>
public sealed record StoredContract(HeldContract Contract, string Version);
