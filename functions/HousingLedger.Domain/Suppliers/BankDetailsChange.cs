using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Suppliers;

/// <summary>
/// A recorded change of a supplier's bank details (<c>supplier.bankDetailsChanged</c>): the event's id and its
/// business time. Mandate fraud — a payee's account quietly swapped for a fraudster's — is the commonest payment
/// fraud in the sector, so a recent change is flagged to finance and an unconfirmed one holds the payee's jobs
/// (<see cref="PayeeBank"/>). Immutable.
/// </summary>
public sealed record BankDetailsChange(EventId EventId, DateTimeOffset OccurredAt)
{
    /// <summary>How recently a payee's details may have changed before a batch flags them (SPEC §9).</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether this change lies in the <see cref="RecentWindow"/> before <paramref name="asOf"/>, or after it: a
    /// batch settled as of a past time still pays the details that hold now. Exactly 30 days before is not recent.
    /// </summary>
    public bool IsRecentAt(DateTimeOffset asOf) => OccurredAt > asOf - RecentWindow;

    /// <summary>
    /// The business time of a new change: <paramref name="requested"/>, or <paramref name="now"/> when none was
    /// given. Refused, naming <c>occurredAt</c>, when it is more than <see cref="JobLifecycle.MaxClockAhead"/> after
    /// <paramref name="now"/>, or before the change it follows: changes keep the order they were recorded in, so
    /// the latest recorded is the one in force.
    /// </summary>
    public static Validated<DateTimeOffset> OccurredAtOfNext(DateTimeOffset? requested, BankDetailsChange? previous, DateTimeOffset now)
    {
        var occurredAt = (requested ?? now).ToUniversalTime();
        if (JobLifecycle.IsTooFarAhead(occurredAt, now))
        {
            return Validated<DateTimeOffset>.Invalid("occurredAt", JobLifecycle.TooFarAheadMessage(occurredAt, now));
        }

        if (previous is not null && occurredAt < previous.OccurredAt)
        {
            return Validated<DateTimeOffset>.Invalid(
                "occurredAt", $"must not be before the supplier's previous change ({previous.EventId}) at {UtcTimestamp.Format(previous.OccurredAt)}; found {UtcTimestamp.Format(occurredAt)}");
        }

        return Validated<DateTimeOffset>.Valid(occurredAt);
    }
}
