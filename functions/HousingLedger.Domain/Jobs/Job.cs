using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>
/// A repair job as its events have left it: what was ordered under which contract, for which property, by when,
/// and where it stands. Built by <see cref="JobLifecycle.Raise"/> and moved on by <see cref="JobLifecycle.Apply"/>.
/// Immutable and thread-safe.
/// </summary>
/// <param name="JobId">The job's id, unique in the service.</param>
/// <param name="AssociationId">The association that raised it.</param>
/// <param name="ContractId">The contract whose terms price it.</param>
/// <param name="SupplierId">The contract's supplier, who does the work.</param>
/// <param name="ItemCode">The contract item ordered.</param>
/// <param name="Quantity">Units of that item, 1 to <see cref="JobLifecycle.MaxQuantity"/>.</param>
/// <param name="Priority">How soon it must be done.</param>
/// <param name="PropertyRef">The association's own reference for the property (a UPRN, say); never an address.</param>
/// <param name="RaisedAt">When it was raised (business time).</param>
/// <param name="Deadline"><paramref name="RaisedAt"/> + the contract's timescale for <paramref name="Priority"/>.</param>
/// <param name="State">Where it stands.</param>
/// <param name="LastEventAt">The <c>occurredAt</c> of its latest event; no later event may be earlier.</param>
/// <param name="FirstCompletedAt">The <c>occurredAt</c> of its first <c>job.completed</c>, which decides lateness.</param>
/// <param name="ApprovedAt">The <c>occurredAt</c> of its <c>job.approved</c>, which orders volume discounts.</param>
public sealed record Job(
    JobId JobId,
    AssociationId AssociationId,
    ContractId ContractId,
    SupplierId SupplierId,
    string ItemCode,
    int Quantity,
    Priority Priority,
    string PropertyRef,
    DateTimeOffset RaisedAt,
    DateTimeOffset Deadline,
    JobState State,
    DateTimeOffset LastEventAt,
    DateTimeOffset? FirstCompletedAt,
    DateTimeOffset? ApprovedAt);
