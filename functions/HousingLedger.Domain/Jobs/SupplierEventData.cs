using System.Text.Json;
using HousingLedger.Validation;

namespace HousingLedger.Jobs;

/// <summary>What the <c>data</c> of a supplier's job event carries: evidence on <c>job.completed</c>, nothing on the others.</summary>
public static class SupplierEventData
{
    /// <summary>
    /// The completion evidence of a <c>job.completed</c> (absent data is evidence of nothing), or null for another
    /// event type, whose data must then be absent or empty. Errors name <c>data</c> or its members.
    /// </summary>
    public static Validated<CompletionEvidence?> Read(string type, JsonElement data)
    {
        if (type == JobEventTypes.Completed)
        {
            var evidence = CompletionEvidence.Parse(data);
            return evidence.IsValid ? Validated<CompletionEvidence?>.Valid(evidence.Value) : Validated<CompletionEvidence?>.Invalid(evidence.Errors);
        }

        return data.ValueKind == JsonValueKind.Object && data.EnumerateObject().Any()
            ? Validated<CompletionEvidence?>.Invalid(CompletionEvidence.Path, $"carries nothing for {type}; send it empty or leave it out")
            : Validated<CompletionEvidence?>.Valid(null);
    }
}
