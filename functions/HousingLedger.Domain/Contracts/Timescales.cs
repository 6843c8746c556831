using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>How long the supplier has to complete a job of each priority, counted from when it was raised.</summary>
public sealed record Timescales(IsoDuration Emergency, IsoDuration Urgent, IsoDuration Routine)
{
    public IsoDuration For(Priority priority) => priority switch
    {
        Priority.Emergency => Emergency,
        Priority.Urgent => Urgent,
        Priority.Routine => Routine,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a priority."),
    };
}
