using System.Globalization;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Performance;
using HousingLedger.Jobs;
using HousingLedger.Performance;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Is a supplier heading for its late penalty (SPEC §13)? Its on-time record for the calling association over the
/// rolling 12 months, month by month, against each contract's threshold, and its jobs open and already late. A
/// supplier the association holds no contract with is not found, exactly as one that does not exist.
/// </summary>
public sealed class SupplierPerformanceApi(ApiGate gate, SupplierPerformance performance)
{
    [Function("GetSupplierPerformance")]
    public Task<IResult> GetSupplierPerformance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suppliers/{supplierId}/performance")] HttpRequest request, string supplierId,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await ReadAsync(request, supplierId, cancellationToken));

    private async Task<Results<Ok<PerformanceView>, ProblemHttpResult>> ReadAsync(HttpRequest request, string supplierId, CancellationToken cancellationToken)
    {
        var parameters = QueryParameters.Of(request);
        var contractId = parameters.Id<ContractId>("contractId");
        if (!parameters.IsValid)
        {
            return Problems.Invalid(parameters.Errors);
        }

        var associationId = request.HttpContext.CallingAssociation();
        if (!TypedId.TryParse<SupplierId>(supplierId, out var id) || await performance.ReadAsync(associationId, id, contractId, cancellationToken) is not { } report)
        {
            return Problems.NotFound($"No supplier '{supplierId}'" + (contractId is { } named ? $" with contract '{named}'." : "."));
        }

        return TypedResults.Ok(PerformanceView.Of(report));
    }
}

/// <summary>The answer of <c>GET /api/suppliers/{supplierId}/performance</c>.</summary>
public sealed record PerformanceView(string SupplierId, string AsOf, IReadOnlyList<ContractPerformanceView> Contracts)
{
    public static PerformanceView Of(PerformanceReport report) => new(
        report.SupplierId.Value, UtcTimestamp.Format(report.AsOf), [.. report.Contracts.Select(ContractPerformanceView.Of)]);
}

public sealed record ContractPerformanceView(
    string ContractId, string LatePenaltyThreshold, IReadOnlyList<PerformanceMonth> Months, IReadOnlyList<LateJobView> OpenAndLate, IReadOnlyList<SpendLineView> Spend)
{
    public static ContractPerformanceView Of(ContractPerformance contract) => new(
        contract.ContractId.Value, contract.LatePenaltyThreshold.ToString(), [.. contract.Months.Select(PerformanceMonth.Of)],
        [.. contract.OpenAndLate.Select(job => new LateJobView(job.JobId.Value, job.State.WireName(), UtcTimestamp.Format(job.Deadline)))],
        [.. contract.SpendByMonth.Select(SpendLineView.Of)]);
}

/// <summary>One month's counts; ratios are decimal strings to four places, null when no job of the month is decided yet.</summary>
public sealed record PerformanceMonth(string Month, int Due, int OnTime, int Late, string? OnTimeRatio, string? LateRatio)
{
    public static PerformanceMonth Of(MonthPunctuality month) => new(
        month.Month.ToString(), month.Due, month.OnTime, month.Late, Ratio(month.OnTimeRatio), Ratio(month.LateRatio));

    private static string? Ratio(decimal? ratio) =>
        ratio is { } value ? Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture) : null;
}

public sealed record LateJobView(string JobId, string State, string Deadline);
