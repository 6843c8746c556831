using HousingLedger.Contracts;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Jobs;

public static partial class JobLifecycle
{
    public const int MaxQuantity = 10_000;

    public const int MaxPropertyRefLength = 64;

    public const string PropertyRefRule =
        "the association's own property reference such as a UPRN: 1–64 characters of A–Z, a–z, 0–9, '-', '_', '/' and '.', never an address or a name";

    /// <summary>
    /// Raises a job under <paramref name="terms"/> (SPEC §5): checks every field of <paramref name="request"/> and
    /// reports them all — <c>jobId</c>, <c>quantity</c> (1 to <see cref="MaxQuantity"/>), <c>itemCode</c> (an item of
    /// the contract), <c>priority</c>, <c>propertyRef</c> (<see cref="PropertyRefRule"/>) and <c>raisedAt</c> (at
    /// most <see cref="MaxClockAhead"/> after <paramref name="now"/>, on a day the contract is in force, in UTC). The
    /// job's deadline is raisedAt + the contract's timescale for its priority.
    /// </summary>
    public static Validated<Job> Raise(JobRequest request, ContractTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(terms);

        // Held in UTC, so the deadline's calendar months are UTC months whatever offset the caller used.
        var raisedAt = request.RaisedAt.ToUniversalTime();
        var errors = new List<FieldError>();
        if (request.Quantity is < 1 or > MaxQuantity)
        {
            errors.Add(new FieldError("quantity", $"must be from 1 to {MaxQuantity}; found {request.Quantity}"));
        }

        if (terms.ItemFor(request.ItemCode) is null)
        {
            errors.Add(new FieldError("itemCode", $"must be an item of contract {request.ContractId}; found \"{request.ItemCode}\""));
        }

        if (!Priorities.TryParse(request.Priority, out var priority))
        {
            errors.Add(new FieldError("priority", $"must be {Priorities.Rule}; found \"{request.Priority}\""));
        }

        if (!IsValidPropertyRef(request.PropertyRef))
        {
            errors.Add(new FieldError("propertyRef", "must be " + PropertyRefRule));
        }

        if (IsTooFarAhead(raisedAt, now))
        {
            errors.Add(new FieldError("raisedAt", TooFarAheadMessage(raisedAt, now)));
        }

        if (!terms.IsInForce(DateOnly.FromDateTime(raisedAt.UtcDateTime)))
        {
            errors.Add(new FieldError(
                "raisedAt",
                $"must fall within the contract's period {terms.Starts:yyyy-MM-dd} to {terms.Ends:yyyy-MM-dd}; found {UtcTimestamp.Format(raisedAt)}"));
        }

        return errors.Count > 0
            ? Validated<Job>.Invalid(errors)
            : Validated<Job>.Valid(new Job(
                request.JobId,
                request.AssociationId,
                request.ContractId,
                terms.SupplierId,
                request.ItemCode,
                (int)request.Quantity,
                priority,
                request.PropertyRef,
                raisedAt,
                terms.DeadlineFor(priority, raisedAt),
                JobState.Raised,
                raisedAt,
                FirstCompletedAt: null,
                ApprovedAt: null));
    }

    public static bool IsValidPropertyRef(string? propertyRef) =>
        propertyRef is { Length: > 0 and <= MaxPropertyRefLength }
        && propertyRef.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.');
}
