using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Fees;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Fees;

/// <summary>
/// A month closed through the service, with the host's clock moved past its end: the close charges the month's
/// fees, its statement never changes again, and a fee recorded for that month after the close is charged on the
/// next open statement instead of being lost.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class FeeStatementClosingTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private readonly ShiftedClock clock = new();

    protected override TimeProvider Clock => clock;

    [Fact]
    public async Task A_closed_month_charges_its_fees_never_changes_and_a_late_fee_goes_to_the_next_statement()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        await setup.ApprovedJobAsync(setup.Owner, now.AddDays(-20), TimeSpan.FromDays(2));
        await setup.ApprovedJobAsync(setup.Owner, now.AddDays(-20).AddHours(1), TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, now);
        var settled = await setup.TransactionsAsync(setup.Owner, "job.settled", 13);
        var month = StatementMonth.Of(clock.GetUtcNow());
        var body = new JsonObject { ["associationId"] = setup.Owner.AssociationId }.ToJsonString();

        clock.Offset = month.End - now + TimeSpan.FromHours(1);
        var closed = await Api.JsonAsync(HttpMethod.Post, $"/api/fee-statements/{month}/close", ServiceHost.OperatorKey, body, HttpStatusCode.OK);
        var statement = await StatementBytesAsync(setup.Owner, month);

        var close = closed["closed"]!.AsArray().Single(c => (string)c!["month"]! == month.ToString())!;
        Assert.Equal(settled.Count, (int)close["jobCount"]!);
        Assert.Equal(settled.Sum(tx => (long)tx["data"]!["fee"]!), (long)close["totalFee"]!);
        Assert.Equal((string)close["statementSha256"]!, Convert.ToHexStringLower(SHA256.HashData(statement)));
        Assert.Equal("closed", (string)JsonNode.Parse(statement)!["status"]!);

        // Back in the closed month, one more job is settled: recorded in that month, but after its close
        // (the chain then holds the close, four events of the job, its job.settled and a batch.created more).
        clock.Offset = TimeSpan.Zero;
        await setup.ApprovedJobAsync(setup.Owner, now.AddDays(-19), TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, DateTimeOffset.UtcNow);
        var late = (await setup.TransactionsAsync(setup.Owner, "job.settled", 20)).ExceptBy(settled.Select(Id), Id).Single();

        clock.Offset = month.End - now + TimeSpan.FromHours(2);
        Assert.Equal(statement, await StatementBytesAsync(setup.Owner, month));
        var next = JsonNode.Parse(await StatementBytesAsync(setup.Owner, month.Next()))!;
        Assert.Equal("open", (string)next["status"]!);
        Assert.Equal([Id(late)], next["lines"]!.AsArray().Select(line => (string)line!["eventId"]!));
        Assert.Equal((long)late["data"]!["fee"]!, (long)next["totalFee"]!);
    }

    private static string Id(JsonObject transaction) => (string)transaction["eventId"]!;

    private async Task<byte[]> StatementBytesAsync(Association association, StatementMonth month)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/fee-statements/{month}", association.ApiKey);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the statement of {month}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }
}
