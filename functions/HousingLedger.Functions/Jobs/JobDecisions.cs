using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Functions.Jobs;

/// <summary>Records an association's decision on completed work, with its reason kept off the ledger behind a commitment.</summary>
public sealed class JobDecisions(JobEvents jobEvents)
{
    public async Task<JobEventResult> DecideAsync(JobDecision decision, CancellationToken cancellationToken)
    {
        var reason = decision.Reason is { } text ? OffLedgerText.Keep(text) : null;
        var data = new JsonObject();
        if (reason is not null)
        {
            data["reasonCommitment"] = reason.Commitment;
        }

        var command = new JobEventCommand(
            decision.AssociationId, decision.JobId, decision.Approved ? JobEventTypes.Approved : JobEventTypes.Disputed, decision.EventId, decision.OccurredAt,
            "association:" + decision.AssociationId.Value, data)
        {
            KeptText = reason,
        };
        return await jobEvents.RecordAsync(command, cancellationToken);
    }
}

/// <summary>An association approving (or disputing) a job's completed work.</summary>
public sealed record JobDecision(AssociationId AssociationId, JobId JobId, bool Approved, EventId? EventId, DateTimeOffset? OccurredAt, string? Reason);
