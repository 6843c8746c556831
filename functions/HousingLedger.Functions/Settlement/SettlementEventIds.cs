using System.Security.Cryptography;
using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// The event ids settlement records under. Each is derived from what it is about, never chosen afresh, so the
/// chain's event-id claim refuses a second <c>job.settled</c> for a job, or a second <c>batch.created</c> for a
/// batch, whatever retries, crashes or overlapping runs happen.
/// </summary>
public static class SettlementEventIds
{
    /// <summary><c>settle_{jobId}</c>; for a job id too long for that, <c>settleh_</c> and a SHA-256 of the id.</summary>
    public static EventId JobSettled(JobId jobId) => Derived("settle_", "settleh_", jobId.Value);

    /// <summary><c>batch_{batchId}</c> (batch ids are short, the pain.001 message id).</summary>
    public static EventId BatchCreated(string batchId) => Derived("batch_", "batchh_", batchId);

    /// <summary><c>held_{runId}</c>: one record of the jobs a run held back for an association, on that association's chain.</summary>
    public static EventId PaymentsHeld(string runId) => Derived("held_", "heldh_", runId);

    // The hashed form has its own prefix, so it can never equal the readable form of another id.
    private static EventId Derived(string prefix, string hashedPrefix, string id)
    {
        var readable = prefix + id;
        return TypedId.Parse<EventId>(readable.Length <= Identifier.MaxLength
            ? readable
            : hashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..(Identifier.MaxLength - hashedPrefix.Length)]);
    }
}
