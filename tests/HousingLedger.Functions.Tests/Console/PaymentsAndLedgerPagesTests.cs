using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using Microsoft.Playwright;
using static HousingLedger.Functions.Tests.Parties.BankDetailsApi;
using static Microsoft.Playwright.Assertions;

namespace HousingLedger.Functions.Tests.Console;

/// <summary>
/// The payments, fee-statement and ledger pages: batches and their files, a supplier's bank-detail change waiting
/// for an admin's confirmation, the chain's head, verification and checkpoint, and receipts checked in the browser
/// with WebCrypto, where a tampered one fails naming the step and why.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class PaymentsAndLedgerPagesTests(AzuriteFixture azurite) : ConsoleTest(azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Steps = ["form", "chain", "leaf", "inclusion", "key", "signature"];

    [SkippableFact]
    public async Task The_ledger_page_shows_the_head_a_valid_verification_and_the_checkpoint_and_a_receipt_passes_every_step_in_the_browser()
    {
        var association = await Api.OnboardAssociationAsync("Harbour Homes");
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var jobId = await Api.RaiseJobAsync(association, contractId);
        var head = await Api.WaitForChainAsync(association, 2);
        var eventId = await RaisedEventIdAsync(association, jobId);

        await SignInAsync(association.ApiKey, "/ledger");
        await Expect(Page.Locator("#head")).ToContainTextAsync((string)head["blockHash"]!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Expect(Page.Locator("#verification")).ToContainTextAsync("Valid");
        await Expect(Page.Locator("pre")).ToContainTextAsync($"housingledger/{association.AssociationId}");
        await CheckPageAsync("ledger");

        await Page.GetByLabel("Event id").FillAsync(eventId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the receipt" }).ClickAsync();

        await Expect(Page.Locator("#receipt-result")).ToContainTextAsync("Receipt verified");
        foreach (var step in Steps)
        {
            await Expect(Page.Locator($"[data-step={step}] .govuk-tag")).ToHaveTextAsync("Passed");
        }

        await CheckPageAsync("ledger-receipt");
    }

    [SkippableFact]
    public async Task A_tampered_receipt_fails_and_the_page_names_the_step_and_why()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        await setup.ApprovedJobAsync(setup.Owner, March.AddDays(7), TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, AsOf);
        var receipt = await ReceiptWithProofAsync(setup.Owner);

        var tx = receipt.DeepClone().AsObject();
        var subject = (string)tx["tx"]!["subject"]!;
        tx["tx"]!["subject"] = subject[..^1] + (subject[^1] == 'x' ? 'y' : 'x');
        var proof = receipt.DeepClone().AsObject();
        var hash = (string)proof["proof"]![0]!;
        proof["proof"]![0] = (hash[0] == '0' ? "1" : "0") + hash[1..];
        var signature = receipt.DeepClone().AsObject();
        var signed = (string)signature["signature"]!;
        signature["signature"] = signed[..10] + (signed[10] == 'A' ? 'B' : 'A') + signed[11..];

        await SignInAsync(setup.Owner.ApiKey, "/ledger/receipt-check");
        await CheckPastedAsync(receipt);
        await Expect(Page.Locator("#receipt-result")).ToContainTextAsync("Receipt verified");

        await CheckPastedAsync(tx);
        await ExpectFailedAsync("inclusion", "the leaf hash and proof do not lead to header.merkleRoot");
        await Expect(Page.Locator("[data-step=signature] .govuk-tag")).ToHaveTextAsync("Passed");
        await CheckPageAsync("ledger-receipt-tampered");

        await CheckPastedAsync(proof);
        await ExpectFailedAsync("inclusion", "the leaf hash and proof do not lead to header.merkleRoot");

        await CheckPastedAsync(signature);
        await ExpectFailedAsync("signature", "found one that does not verify");
        await Expect(Page.Locator("[data-step=inclusion] .govuk-tag")).ToHaveTextAsync("Passed");
    }

    [SkippableFact]
    public async Task The_browser_gives_every_receipt_the_verdict_and_reason_the_services_verifier_gives()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, AsOf);
        var receipt = await ReceiptWithProofAsync(setup.Owner);
        var jwks = await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK);
        var keys = Jwks.FromJson(jwks).Value;
        await Page.GotoAsync("/sign-in");

        foreach (var (what, variant) in Variants(receipt))
        {
            var read = Receipt.FromJson(variant);
            var expected = read.IsValid ? ReceiptVerifier.Verify(read.Value, keys.Find).Reason : "(malformed)";
            var found = await Page.EvaluateAsync<string?>(
                "async ([receipt, jwks]) => { const r = await (await import('/app/receipts.js')).verifyReceipt(JSON.parse(receipt), JSON.parse(jwks)); return r.steps.form.status === 'failed' ? '(malformed)' : r.reason; }",
                new[] { variant.ToJsonString(), jwks.ToJsonString() });
            Assert.True(expected == found, $"{what}: the service says {expected ?? "valid"}, the browser {found ?? "valid"}");
        }
    }

    [SkippableFact]
    public async Task The_payments_page_lists_a_settled_batch_and_its_files_download_as_stored_and_the_fee_statement_charges_its_jobs()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobId = await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, AsOf);
        var batch = Assert.Single(await setup.BatchesAsync(setup.Owner));
        var batchId = (string)batch["batchId"]!;
        var pounds = "£" + ((long)batch["controlSum"]! / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(setup.Owner.ApiKey, "/payments");

        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Payment batches" });
        await Expect(table).ToContainTextAsync(pounds);
        await Expect(table).ToContainTextAsync(((string)batch["manifestSha256"]!)[..12]);
        await Expect(table).ToContainTextAsync("Total of 1 batch");
        await CheckPageAsync("payments");

        await table.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page.Locator("main h1")).ToHaveTextAsync(batchId);
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download remittance.csv" }).ClickAsync());
        Assert.Equal("remittance.csv", download.SuggestedFilename);
        Assert.Equal(await setup.FileTextAsync(setup.Owner, batchId, "remittance.csv"), await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Contains(jobId, await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);
        await CheckPageAsync("payment-batch");

        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GotoAsync("/fee-statements");
        await Page.GetByLabel("Month").FillAsync(month);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show statement" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"month={month}"));
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Settled jobs charged" })).ToContainTextAsync(jobId);
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Contains(jobId, await File.ReadAllTextAsync(await csv.PathAsync()), StringComparison.Ordinal);
        await CheckPageAsync("fee-statements");

        await Page.GetByLabel("Month").FillAsync("2026-13");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show statement" }).ClickAsync();
        await Expect(Page.Locator("#month-error")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_bank_detail_change_waits_for_an_admin_who_confirms_it_finance_sees_it_without_a_button_and_the_batch_that_pays_is_flagged()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobId = await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        await ChangedAsync(Api, setup.Supplier.SupplierId, Bank("20-30-40", "87654321"), AsOf - TimeSpan.FromDays(10));
        var held = await setup.SettleAsync(setup.Owner, AsOf);
        Assert.Contains(held["held"]!.AsArray(), job => (string)job!["jobId"]! == jobId);
        var (finance, _) = await Api.IssueKeyAsync(setup.Owner, "finance");

        await SignInAsync(finance.ApiKey, "/payments");
        var pending = Page.GetByRole(AriaRole.Table, new() { Name = "Bank details waiting for confirmation" });
        await Expect(pending).ToContainTextAsync(setup.Supplier.SupplierId);
        await Expect(pending).ToContainTextAsync(jobId);
        await Expect(pending).ToContainTextAsync("An administrator must confirm it");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the new bank details" })).ToHaveCountAsync(0);
        await CheckPageAsync("payments-pending-finance");

        await SignInAsync(setup.Owner.ApiKey, "/payments");
        await CheckPageAsync("payments-pending-admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the new bank details" }).ClickAsync();

        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("You confirmed the new bank details");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Bank details waiting for confirmation" })).ToHaveCountAsync(0);
        var changes = await Api.JsonAsync(HttpMethod.Get, "/api/bank-details-changes", setup.Owner.ApiKey, expect: HttpStatusCode.OK);
        Assert.Empty(changes["changes"]!.AsArray());

        await setup.SettleAsync(setup.Owner, AsOf);
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Payment batches" })).ToContainTextAsync("Bank details changed recently");
        await CheckPageAsync("payments-flagged");
    }

    [SkippableFact]
    public async Task An_auditor_is_not_offered_payments_or_fee_statements_but_reads_the_ledger()
    {
        var association = await Api.OnboardAssociationAsync();
        var (auditor, _) = await Api.IssueKeyAsync(association, "auditor");

        await SignInAsync(auditor.ApiKey, "/ledger");

        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Payments" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Fee statements" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Ledger");
        foreach (var path in new[] { "/payments", "/fee-statements" })
        {
            await Page.GotoAsync(path);
            await Expect(Page.Locator("main h1")).ToHaveTextAsync("You cannot see this page");
        }
    }

    /// <summary>One change of each kind a verifier must catch, and the receipt as served.</summary>
    private static IEnumerable<(string What, JsonObject Receipt)> Variants(JsonObject receipt)
    {
        JsonObject With(Action<JsonObject> change)
        {
            var copy = receipt.DeepClone().AsObject();
            change(copy);
            return copy;
        }

        yield return ("as served", receipt);
        yield return ("a changed transaction", With(r => r["tx"]!["actor"] = (string)r["tx"]!["actor"]! + "x"));
        yield return ("another chain's transaction", With(r => r["tx"]!["chain"] = "assoc_elsewhere"));
        yield return ("a changed proof hash", With(r => r["proof"]![0] = new string('0', 64)));
        yield return ("a proof hash too many", With(r => r["proof"]!.AsArray().Add(new string('a', 64))));
        yield return ("another leaf index", With(r => r["leafIndex"] = (int)r["leafIndex"]! == 0 ? 1 : 0));
        yield return ("a leaf index beyond the block", With(r => r["leafIndex"] = 1000));
        yield return ("another merkle root", With(r => r["header"]!["merkleRoot"] = new string('1', 64)));
        yield return ("an unpublished kid", With(r => r["header"]!["kid"] = "not-a-published-key"));
        yield return ("a changed header", With(r => r["header"]!["sealedAt"] = "2020-01-01T00:00:00Z"));
        yield return ("a changed signature", With(r => r["signature"] = "A" + ((string)r["signature"]!)[1..]));
        yield return ("a short signature", With(r => r["signature"] = ((string)r["signature"]!)[1..]));
        yield return ("a signature with padding bits set", With(r => r["signature"] = ((string)r["signature"]!)[..^1] + "B"));
    }

    /// <summary>The receipt of the first transaction of a block holding more than one, so its proof is not empty.</summary>
    private async Task<JsonObject> ReceiptWithProofAsync(Association association)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var block = (await Api.ExportAsync(association)).FirstOrDefault(b => b.Transactions.Count > 1);
            if (block is not null)
            {
                return await Api.JsonAsync(
                    HttpMethod.Get, $"/api/ledger/{association.AssociationId}/receipts/{block.Transactions[0].EventId}", association.ApiKey, expect: HttpStatusCode.OK);
            }

            Assert.True(DateTime.UtcNow < deadline, "No block of the chain holds more than one transaction.");
            await Task.Delay(200);
        }
    }

    private async Task<string> RaisedEventIdAsync(Association association, string jobId)
    {
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        return (string)job["events"]!.AsArray().First(e => (string)e!["type"]! == "job.raised")!["eventId"]!;
    }

    private async Task CheckPastedAsync(JsonObject receipt)
    {
        await Page.GetByLabel("Receipt JSON").FillAsync(receipt.ToJsonString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the receipt" }).ClickAsync();
        await Page.Locator("#receipt-result").WaitForAsync();
    }

    private async Task ExpectFailedAsync(string step, string why)
    {
        await Expect(Page.Locator("#receipt-result")).ToContainTextAsync("Receipt failed");
        await Expect(Page.Locator("#receipt-result")).ToContainTextAsync(why);
        await Expect(Page.Locator($"[data-step={step}] .govuk-tag")).ToHaveTextAsync("Failed");
        await Expect(Page.Locator($"[data-step={step}]")).ToContainTextAsync(why);
    }
}
