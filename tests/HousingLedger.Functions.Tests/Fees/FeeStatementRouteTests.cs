using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Fees;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Fees;

/// <summary>Fee statements through the service: worked out from the chain, readable by their association and the operator, and bad months refused.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class FeeStatementRouteTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static string ThisMonth => StatementMonth.Of(DateTimeOffset.UtcNow).ToString();

    [Fact]
    public async Task The_statement_of_this_month_charges_the_fee_of_each_job_settled_as_its_chain_records_it()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var raisedAt = DateTimeOffset.UtcNow.AddDays(-20);
        await setup.ApprovedJobAsync(setup.Owner, raisedAt, TimeSpan.FromDays(2));
        await setup.ApprovedJobAsync(setup.Owner, raisedAt.AddHours(1), TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, DateTimeOffset.UtcNow);
        // Contract, share, four events for each of two jobs, two job.settled and the batch.created.
        var settled = await setup.TransactionsAsync(setup.Owner, "job.settled", 13);
        Assert.Equal(2, settled.Count);

        var statement = await Api.JsonAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}", setup.Owner.ApiKey, expect: HttpStatusCode.OK);
        var byOperator = await Api.JsonAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}?associationId={setup.Owner.AssociationId}", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

        Assert.Equal("open", (string)statement["status"]!);
        Assert.Equal(settled.Select(tx => (string)tx["eventId"]!), statement["lines"]!.AsArray().Select(line => (string)line!["eventId"]!));
        Assert.Equal(settled.Sum(tx => (long)tx["data"]!["fee"]!), (long)statement["totalFee"]!);
        Assert.Equal(statement.ToJsonString(), byOperator.ToJsonString());
    }

    [Fact]
    public async Task The_statement_comes_as_csv_when_asked_for()
    {
        var association = await Api.OnboardAssociationAsync();

        using var response = await Api.SendAsync(
            HttpMethod.Get, $"/api/fee-statements/{ThisMonth}", association.ApiKey, headers: new Dictionary<string, string> { ["Accept"] = "text/csv" });
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"associationId,month,status,jobId,eventId,recordedAt,feePence\r\n{association.AssociationId},{ThisMonth},open,total,0 jobs,,0\r\n", csv);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-01")]
    [InlineData("2026-1")]
    [InlineData("9999-12")]
    public async Task A_malformed_or_future_month_is_refused_naming_the_month(string month)
    {
        var association = await Api.OnboardAssociationAsync();

        foreach (var (method, path, key) in new[]
        {
            (HttpMethod.Get, $"/api/fee-statements/{month}", association.ApiKey),
            (HttpMethod.Get, $"/api/fee-statements/{month}/summary", ServiceHost.OperatorKey),
            (HttpMethod.Post, $"/api/fee-statements/{month}/close", ServiceHost.OperatorKey),
        })
        {
            await AssertFieldProblemAsync(method, path, key, "month");
        }
    }

    [Fact]
    public async Task Closing_a_month_that_has_not_ended_is_refused_and_records_nothing()
    {
        var association = await Api.OnboardAssociationAsync();

        await AssertFieldProblemAsync(HttpMethod.Post, $"/api/fee-statements/{ThisMonth}/close", ServiceHost.OperatorKey, "month");

        Assert.Empty(await SettlementSetup.TransactionsAsync(Api, association, StatementClosed.Type));
    }

    [Fact]
    public async Task Another_associations_statement_is_not_found_and_an_auditor_or_anonymous_caller_is_refused()
    {
        var riverside = await Api.OnboardAssociationAsync();
        var hillside = await Api.OnboardAssociationAsync("Hillside Housing");

        using var cross = await Api.SendAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}?associationId={hillside.AssociationId}", riverside.ApiKey);
        using var unknown = await Api.SendAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}?associationId=asc_nobody", ServiceHost.OperatorKey);
        using var summary = await Api.SendAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}/summary", riverside.ApiKey);
        using var close = await Api.SendAsync(HttpMethod.Post, $"/api/fee-statements/{ThisMonth}/close", riverside.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, summary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        await AssertFieldProblemAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}", ServiceHost.OperatorKey, "associationId");
    }

    [Fact]
    public async Task The_operators_summary_lists_every_association()
    {
        var association = await Api.OnboardAssociationAsync();

        var summary = await Api.JsonAsync(HttpMethod.Get, $"/api/fee-statements/{ThisMonth}/summary", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

        Assert.Contains(summary["associations"]!.AsArray(), brief => (string)brief!["associationId"]! == association.AssociationId);
    }

    [Fact]
    public async Task Closing_an_ended_month_twice_records_one_close_whose_hash_is_that_of_the_statement_served()
    {
        var association = await Api.OnboardAssociationAsync();
        var lastMonth = StatementMonth.Of(DateTimeOffset.UtcNow).Previous().ToString();
        var body = new JsonObject { ["associationId"] = association.AssociationId }.ToJsonString();

        var first = await Api.JsonAsync(HttpMethod.Post, $"/api/fee-statements/{lastMonth}/close", ServiceHost.OperatorKey, body, HttpStatusCode.OK);
        var again = await Api.JsonAsync(HttpMethod.Post, $"/api/fee-statements/{lastMonth}/close", ServiceHost.OperatorKey, body, HttpStatusCode.OK);
        using var statement = await Api.SendAsync(HttpMethod.Get, $"/api/fee-statements/{lastMonth}", association.ApiKey);
        var bytes = await statement.Content.ReadAsByteArrayAsync();

        var close = Assert.Single(first["closed"]!.AsArray())!;
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(0, (int)close["jobCount"]!);
        Assert.Equal((string)close["statementSha256"]!, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal("closed", (string)JsonNode.Parse(bytes)!["status"]!);
        Assert.Single(await SettlementSetup.TransactionsAsync(Api, association, StatementClosed.Type));
    }

    private async Task AssertFieldProblemAsync(HttpMethod method, string path, string key, string field)
    {
        using var response = await Api.SendAsync(method, path, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.NotNull(JsonNode.Parse(text)!["errors"]![field]);
    }
}
