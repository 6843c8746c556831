using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// A golden settlement scenario under <c>testdata/settlement/{name}.json</c>: a contract's terms, its jobs as
/// settlement sees them, a run's as-of time and fee, and what the run must settle and pay. The expectations are
/// worked out by hand (each file's <c>about</c> says how), never generated from the engine.
/// </summary>
internal sealed record SettlementScenario(
    ContractId ContractId, ContractTerms Terms, SettlementRun Run, IReadOnlyList<JobSummary> Jobs, JsonObject ExpectedSettled, JsonArray ExpectedPayments)
{
    public static TheoryData<string> Names() =>
        new(Directory.EnumerateFiles(PathOf(), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    public static SettlementScenario Read(string name)
    {
        var root = JsonNode.Parse(File.ReadAllText(PathOf(name + ".json")))!.AsObject();
        var terms = ContractTermsParser.Parse(JsonSerializer.SerializeToElement(root["terms"]));
        Assert.True(terms.IsValid, $"{name}: the terms were refused: " + string.Join("; ", terms.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var contractId = Ids.Contract((string)root["contractId"]!);
        var run = new SettlementRun(Instant(root["asOf"])!.Value, Money.FromPence((long)root["feePerJobPence"]!));
        var jobs = root["jobs"]!.AsArray().Select(job => ReadJob(job!.AsObject(), contractId, terms.Value.SupplierId)).ToList();
        var expected = root["expected"]!.AsObject();
        return new SettlementScenario(contractId, terms.Value, run, jobs, expected["settled"]!.AsObject(), expected["payments"]!.AsArray());
    }

    /// <summary>Settles as a caller must: approved jobs in (approval occurredAt, jobId) order, every job for lateness.</summary>
    public IReadOnlyList<SettledJob> Settle()
    {
        var approved = Jobs
            .Where(job => job.ApprovedAt is not null)
            .OrderBy(job => job.ApprovedAt)
            .ThenBy(job => job.JobId.Value, StringComparer.Ordinal);
        return [.. SettlementEngine.SettleContract(ContractId, Terms, Run, approved, Jobs)];
    }

    private static JobSummary ReadJob(JsonObject job, ContractId contractId, SupplierId supplierId) => new(
        Ids.Job((string)job["jobId"]!),
        Ids.Association((string)job["associationId"]!),
        contractId,
        supplierId,
        (string)job["itemCode"]!,
        (int)job["quantity"]!,
        Instant(job["deadline"])!.Value,
        Enum.Parse<JobState>((string)job["state"]!, ignoreCase: true),
        Instant(job["approvedAt"]),
        Instant(job["firstCompletedAt"]),
        (bool?)job["alreadySettled"] ?? false);

    private static DateTimeOffset? Instant(JsonNode? text) =>
        text is null ? null : DateTimeOffset.Parse((string)text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", "settlement", .. parts]);
}
