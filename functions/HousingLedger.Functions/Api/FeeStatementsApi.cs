using System.Text;
using HousingLedger.Fees;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Fees;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Monthly fee statements (SPEC §9): an association's finance and admin keys read its own, as JSON or CSV; the
/// operator reads any association's, closes months, and reads the summary across associations. Every figure is
/// worked out from the chains (<see cref="ChainFees"/>). Another association's statement is not found.
/// </summary>
public sealed class FeeStatementsApi(ApiGate gate, ChainFees chainFees, FeeStatementClosing closing, PartyStore parties, TimeProvider time)
{
    private static readonly ApiAccess Readers = ApiAccess.Keys(ApiRole.Operator, ApiRole.Admin, ApiRole.Finance);
    private static readonly ApiAccess OperatorOnly = ApiAccess.Keys(ApiRole.Operator);
    private static readonly string[] CloseFields = ["associationId"];

    [Function("GetFeeStatement")]
    public Task<IResult> GetFeeStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fee-statements/{month}")] HttpRequest request, string month, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await StatementAsync(request, month, cancellationToken));

    [Function("GetFeeSummary")]
    public Task<IResult> GetFeeSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fee-statements/{month}/summary")] HttpRequest request, string month, CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () => await SummaryAsync(request, month, cancellationToken));

    [Function("CloseFeeStatements")]
    public Task<IResult> CloseFeeStatements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fee-statements/{month}/close")] HttpRequest request, string month, CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () => await CloseAsync(request, month, cancellationToken));

    private async Task<IResult> StatementAsync(HttpRequest request, string text, CancellationToken cancellationToken)
    {
        var (month, problem) = ReadMonth(text, mustHaveEnded: false);
        if (problem is not null)
        {
            return problem;
        }

        var named = request.Query["associationId"];
        var caller = request.HttpContext.Caller();
        if (caller is OperatorCaller && named.Count == 0)
        {
            return Problems.Invalid("associationId", "is required of the operator: the association whose statement to read");
        }

        var wanted = named.Count == 0 ? null : named.ToString();
        var associationId = caller is AssociationCaller own ? own.AssociationId : TypedId.TryParse<AssociationId>(wanted, out var id) ? id : (AssociationId?)null;
        if (associationId is not { } association || (wanted is not null && wanted != association.Value) || await parties.GetAssociationAsync(association, cancellationToken) is null)
        {
            return Problems.NotFound($"No association '{wanted}' whose statement this key may read.");
        }

        var statement = (await chainFees.ReadAsync(association, cancellationToken)).Statement(month!.Value);
        return CsvNegotiation.WantsCsv(request)
            ? TypedResults.Text(FeeStatementCsv.Write(statement), FeeStatementCsv.MediaType + "; charset=utf-8", Encoding.UTF8)
            : TypedResults.Bytes(statement.ToCanonicalJson(), "application/json");
    }

    private async Task<IResult> SummaryAsync(HttpRequest request, string text, CancellationToken cancellationToken)
    {
        var (month, problem) = ReadMonth(text, mustHaveEnded: false);
        if (problem is not null)
        {
            return problem;
        }

        var statements = new List<FeeStatement>();
        await foreach (var associationId in parties.AssociationIdsAsync(cancellationToken))
        {
            statements.Add((await chainFees.ReadAsync(associationId, cancellationToken)).Statement(month!.Value));
        }

        var summary = new FeeSummary(month!.Value, statements);
        return CsvNegotiation.WantsCsv(request)
            ? TypedResults.Text(summary.ToCsv(), FeeStatementCsv.MediaType + "; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(summary.ToJson());
    }

    private async Task<IResult> CloseAsync(HttpRequest request, string text, CancellationToken cancellationToken)
    {
        var (month, problem) = ReadMonth(text, mustHaveEnded: true);
        if (problem is not null)
        {
            return problem;
        }

        AssociationId? only = null;
        if (RequestBody.IsPresent(request))
        {
            var (fields, unreadable) = await RequestBody.OpenAsync(request, CloseFields, cancellationToken);
            if (fields is null)
            {
                return unreadable!;
            }

            only = fields.Id<AssociationId>("associationId", required: false);
            if (!fields.IsValid)
            {
                return Problems.Invalid(fields.Errors);
            }

            if (only is { } named && await parties.GetAssociationAsync(named, cancellationToken) is null)
            {
                return Problems.Invalid("associationId", $"names no association: '{named}'");
            }
        }

        var closed = new List<ClosedStatement>();
        await foreach (var associationId in only is { } one ? new[] { one }.ToAsyncEnumerable() : parties.AssociationIdsAsync(cancellationToken))
        {
            if (await closing.CloseThroughAsync(associationId, month!.Value, "operator", cancellationToken) is { } close)
            {
                closed.Add(new ClosedStatement(
                    associationId.Value, close.Month.ToString(), StatementClosed.EventIdOf(close.Month), close.TreeSize, close.JobCount, close.TotalFee.Pence, close.StatementSha256));
            }
        }

        return TypedResults.Ok(new ClosedStatements(month!.Value.ToString(), closed));
    }

    /// <summary>The month in the route: <c>YYYY-MM</c>, not after the current month, and, to close it, ended.</summary>
    private (StatementMonth? Month, ProblemHttpResult? Problem) ReadMonth(string text, bool mustHaveEnded)
    {
        if (!StatementMonth.TryParse(text, out var month))
        {
            return (null, Problems.Invalid("month", $"must be {StatementMonth.Rule}; found '{text}'"));
        }

        var current = StatementMonth.Of(time.GetUtcNow());
        if (month > current || (mustHaveEnded && month == current))
        {
            return (null, Problems.Invalid("month", mustHaveEnded
                ? $"must be a month that has ended; found {month}, and {current} ends at {UtcTimestamp.Format(current.End)}"
                : $"must not be after the current month, {current}; found {month}"));
        }

        return (month, null);
    }
}

/// <summary>The answer to <c>POST /api/fee-statements/{month}/close</c>: each association's close of the month, as its chain records it.</summary>
public sealed record ClosedStatements(string Month, IReadOnlyList<ClosedStatement> Closed);

/// <summary>One association's <c>fee.statementClosed</c> for the month.</summary>
public sealed record ClosedStatement(string AssociationId, string Month, string EventId, long TreeSize, int JobCount, long TotalFee, string StatementSha256);
