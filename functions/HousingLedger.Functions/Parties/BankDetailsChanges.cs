using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Suppliers;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// The operator changes a supplier's bank details (SPEC §9). <c>supplier.bankDetailsChanged</c> goes on the
/// operator's chain in one transaction with the supplier's new details and an off-ledger row keeping them, their
/// salt and the chains the change is for; then on the chain of every association holding a contract with the
/// supplier, under the same event id. The operator's record is the durable point: if anything stops before every
/// association has its record, the appender's follow-up (<see cref="BankDetailsFanOut"/>) or a retry of the
/// request records the rest, and the event id makes each record once. Only a salted commitment reaches any chain.
/// </summary>
public sealed class BankDetailsChanges(PartyStore parties, SupplierHolders holders, BankDetailsStore store, EventIntake intake, TimeProvider time)
{
    public const string ChangedType = "supplier.bankDetailsChanged";

    private const int Attempts = 5;

    public async Task<BankDetailsChanged> ChangeAsync(
        SupplierId supplierId, BankAccount bank, DateTimeOffset? occurredAt, EventId? idempotencyKey, CancellationToken cancellationToken)
    {
        var keyed = idempotencyKey is { } key ? BankDetailsEventIds.Keyed(supplierId, key) : (EventId?)null;
        if (keyed is { } sentBefore && await store.GetChangeAsync(supplierId, sentBefore, cancellationToken) is not null)
        {
            return await CompleteAsync(supplierId, sentBefore, cancellationToken);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await parties.GetSupplierForUpdateAsync(supplierId, cancellationToken) is not { } stored)
            {
                return new BankDetailsChanged.NoSupplier();
            }

            var current = stored.Profile.Payee;
            if (current.Account == bank)
            {
                // The details in force already: a request sent again after it was recorded is answered as the first was.
                return current.LatestChange is { } latest && keyed is null
                    ? await CompleteAsync(supplierId, latest.EventId, cancellationToken)
                    : new BankDetailsChanged.Refused([new FieldError("bank", "are the supplier's bank details already; nothing would change")]);
            }

            var when = BankDetailsChange.OccurredAtOfNext(occurredAt, current.LatestChange, time.GetUtcNow());
            if (!when.IsValid)
            {
                return new BankDetailsChanged.Refused(when.Errors);
            }

            var eventId = keyed ?? BankDetailsEventIds.Unkeyed(supplierId, current.LatestChange, bank);
            var chains = (await holders.ListAsync(supplierId, cancellationToken)).Select(holder => holder.Value).Prepend(OperatorChain.Name).ToList();
            var (commitment, salt) = BankDetailsCommitment.Create(bank);
            var kept = new JsonObject
            {
                ["supplierId"] = supplierId.Value,
                ["eventId"] = eventId.Value,
                ["occurredAt"] = UtcTimestamp.Format(when.Value),
                ["bank"] = bank.ToJson(),
                ["salt"] = Convert.ToBase64String(salt),
                ["commitment"] = commitment,
                ["chains"] = new JsonArray([.. chains.Select(chain => JsonValue.Create(chain))]),
            };
            var data = new JsonObject
            {
                ["supplierId"] = supplierId.Value,
                ["bankDetailsCommitment"] = commitment,
                ["chains"] = kept["chains"]!.DeepClone(),
            };
            var tx = intake.NewTransaction(ChangedType, OperatorChain.Name, eventId, when.Value, "operator", supplierId.Value, data);
            var profile = StoredPayee.Write(stored.Profile.Document.DeepClone().AsObject(), new PayeeBank(bank, new BankDetailsChange(eventId, when.Value)));
            var outcome = await intake.AcceptAsync(
                tx, [PartyStore.SupplierUpdated(supplierId, stored, profile), BankDetailsStore.ChangeKept(supplierId, eventId, kept)], cancellationToken);
            if (outcome != AcceptOutcome.StaleState)
            {
                // Accepted now, or by a concurrent twin of this request: either way the change stands under this id.
                return await CompleteAsync(supplierId, eventId, cancellationToken);
            }
        }

        return new BankDetailsChanged.Busy();
    }

    /// <summary>
    /// Records the change <paramref name="eventId"/> on every association chain it is for that lacks it, and
    /// answers it. Safe to repeat: each chain claims the event id once.
    /// </summary>
    public async Task<BankDetailsChanged> CompleteAsync(SupplierId supplierId, EventId eventId, CancellationToken cancellationToken)
    {
        var kept = await store.GetChangeAsync(supplierId, eventId, cancellationToken)
            ?? throw new InvalidOperationException($"The bank-detail change {eventId} of supplier {supplierId} was recorded without its off-ledger row.");
        var chains = kept["chains"]!.AsArray().Select(chain => (string)chain!).ToList();
        var occurredAt = UtcTimestamp.TryParse((string?)kept["occurredAt"], out var at)
            ? at
            : throw new InvalidDataException($"The bank-detail change {eventId} has no valid occurredAt stored.");
        var commitment = (string)kept["commitment"]!;
        foreach (var chain in chains.Where(chain => chain != OperatorChain.Name))
        {
            // An association's copy names no other association: which associations deal with a supplier is theirs and the operator's to know.
            var data = new JsonObject { ["supplierId"] = supplierId.Value, ["bankDetailsCommitment"] = commitment };
            await intake.AcceptAsync(intake.NewTransaction(ChangedType, chain, eventId, occurredAt, "operator", supplierId.Value, data), [], cancellationToken);
        }

        return new BankDetailsChanged.Changed(eventId, occurredAt, commitment, chains);
    }
}

/// <summary>How changing a supplier's bank details ended.</summary>
public abstract record BankDetailsChanged
{
    private BankDetailsChanged()
    {
    }

    /// <summary>Recorded (now, or before under the same event id) on every chain listed.</summary>
    public sealed record Changed(EventId EventId, DateTimeOffset OccurredAt, string Commitment, IReadOnlyList<string> Chains) : BankDetailsChanged;

    /// <summary>No supplier by that id.</summary>
    public sealed record NoSupplier : BankDetailsChanged;

    /// <summary>The request cannot be recorded as sent; nothing was.</summary>
    public sealed record Refused(IReadOnlyList<FieldError> Errors) : BankDetailsChanged;

    /// <summary>The supplier's row changed on every attempt; sending the request again is safe.</summary>
    public sealed record Busy : BankDetailsChanged;
}
