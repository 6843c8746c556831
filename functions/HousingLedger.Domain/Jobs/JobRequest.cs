using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>
/// What an association asks for when it raises a job (<c>POST /api/jobs</c>), read from the body but not yet
/// checked: <see cref="JobLifecycle.Raise"/> checks it against the contract's terms.
/// </summary>
/// <param name="JobId">The client's id for the job (an idempotency key) or one the service chose.</param>
/// <param name="AssociationId">The association raising it, from its API key.</param>
/// <param name="ContractId">The contract whose terms were looked up for it.</param>
/// <param name="ItemCode">The body's <c>itemCode</c>.</param>
/// <param name="Quantity">The body's <c>quantity</c>.</param>
/// <param name="Priority">The body's <c>priority</c>, a wire name such as <c>urgent</c>.</param>
/// <param name="PropertyRef">The body's <c>propertyRef</c>.</param>
/// <param name="RaisedAt">The body's <c>raisedAt</c>, or when the request arrived.</param>
public sealed record JobRequest(
    JobId JobId,
    AssociationId AssociationId,
    ContractId ContractId,
    string ItemCode,
    long Quantity,
    string Priority,
    string PropertyRef,
    DateTimeOffset RaisedAt);
