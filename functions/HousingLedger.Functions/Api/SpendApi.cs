using System.Text;
using HousingLedger.Fees;
using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.State;
using HousingLedger.Spend;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// What the association has paid its suppliers (SPEC §13: paid, discounted and penalised, by supplier, contract and
/// month), from the spend rows written with each <c>job.settled</c>; as JSON, or CSV for finance's spreadsheets.
/// </summary>
public sealed class SpendApi(ApiGate gate, SpendIndex spend, TimeProvider time)
{
    /// <summary>The most months one request may span, so its cost stays bounded whatever the association's history.</summary>
    public const int MaxMonths = 36;

    private static readonly Dictionary<string, SpendGrouping> Groupings = new(StringComparer.Ordinal)
    {
        ["supplier"] = SpendGrouping.Supplier,
        ["contract"] = SpendGrouping.Contract,
        ["month"] = SpendGrouping.Month,
    };

    [Function("GetSpend")]
    public Task<IResult> GetSpend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "spend")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await ReadAsync(request, cancellationToken));

    private async Task<IResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = QueryParameters.Of(request);
        var to = parameters.Parsed<StatementMonth>("to", StatementMonth.TryParse, StatementMonth.Rule) ?? StatementMonth.Of(time.GetUtcNow());
        var from = parameters.Parsed<StatementMonth>("from", StatementMonth.TryParse, StatementMonth.Rule) ?? StatementMonth.Of(to.Start.AddMonths(-11));
        var grouping = parameters.Parsed<SpendGrouping>(
            "groupBy", (string? text, out SpendGrouping value) => Groupings.TryGetValue(text ?? "", out value), "one of " + string.Join(", ", Groupings.Keys)) ?? SpendGrouping.All;
        if (!parameters.IsValid)
        {
            return Problems.Invalid(parameters.Errors);
        }

        if (from > to || from.Start.AddMonths(MaxMonths) < to.End)
        {
            return Problems.Invalid("from", $"must be a month from {MaxMonths} months before 'to' up to 'to' ({to}); found {from}");
        }

        var jobs = new List<JobSpend>();
        await foreach (var job in spend.ListAsync(request.HttpContext.CallingAssociation(), from, to, cancellationToken))
        {
            jobs.Add(job);
        }

        var (lines, total) = SpendLine.Group(jobs, grouping);
        return CsvNegotiation.WantsCsv(request)
            ? TypedResults.Text(SpendCsv.Write(lines, total), SpendCsv.MediaType + "; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(new SpendView(from.ToString(), to.ToString(), [.. lines.Select(SpendLineView.Of)], SpendLineView.Of(total)));
    }
}

/// <summary>The answer of <c>GET /api/spend</c>.</summary>
public sealed record SpendView(string From, string To, IReadOnlyList<SpendLineView> Lines, SpendLineView Total);

/// <summary>One group's spend in pence; a group part the grouping does not part by is null.</summary>
public sealed record SpendLineView(string? Month, string? SupplierId, string? ContractId, int Jobs, long ListPrice, long Discounted, long Penalised, long Net, long Vat, long Paid)
{
    public static SpendLineView Of(SpendLine line) => new(
        line.Month?.ToString(), line.SupplierId?.Value, line.ContractId?.Value, line.Jobs,
        line.ListPrice.Pence, line.Discounted.Pence, line.Penalised.Pence, line.Net.Pence, line.Vat.Pence, line.Paid.Pence);
}
