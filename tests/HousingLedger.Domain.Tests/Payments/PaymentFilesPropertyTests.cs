using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Iso20022;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>For random batches: the totals agree everywhere, and every file keeps its format's rules.</summary>
public sealed class PaymentFilesPropertyTests
{
    // Letters, marks and symbols that names really carry, plus ones BACS must drop and XML must escape.
    private const string NameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789   &'-.,/()\"<>ÉéŵøßÆÞł张€!@~";

    private static readonly Gen<string> Name =
        from first in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray())
        from rest in Gen.Elements(NameCharacters.ToCharArray()).ArrayOf()
        select FitName(first + new string(rest));

    private static readonly Gen<BankAccount> Account =
        from sortCode in Gen.Choose(0, 999_999)
        from accountNumber in Gen.Choose(0, 99_999_999)
        from name in Name
        select SampleBatch.Account(sortCode.ToString("D6", CultureInfo.InvariantCulture), accountNumber.ToString("D8", CultureInfo.InvariantCulture), name);

    private static readonly Gen<PaymentBatch> Batch =
        from payer in Name
        from payerAccount in Account
        from transfers in Gen.Choose(1, 6).SelectMany(count => Transfer.ArrayOf(count))
        select PaymentBatch.Create(
            "pb_random", "assoc_random", "run_random", SampleBatch.CreatedAt, SampleBatch.PaymentDate,
            new PaymentParty(payer, payerAccount), transfers.Select((transfer, t) => transfer(t))).Value;

    private static Gen<Func<int, CreditTransfer>> Transfer =>
        from payee in Name
        from account in Account
        from flagged in Gen.Elements(true, false)
        from lines in Gen.Choose(1, 5).SelectMany(count => Line.ArrayOf(count))
        select (Func<int, CreditTransfer>)(t =>
        {
            var transfer = SampleBatch.Transfer($"sup_{t}", $"REF{t:D4}X", [.. lines.Select((line, l) => line with { JobId = $"job_{t}_{l}" })]);
            return transfer with { Payee = new PaymentParty(payee, account), PayeeDetailsChangedRecently = flagged };
        });

    private static Gen<RemittanceLine> Line =>
        from net in Gen.Choose(1, int.MaxValue)
        from vatShare in Gen.Choose(0, 20)
        from discount in Gen.Choose(0, 1000)
        from quantity in Gen.Choose(1, 12)
        select new RemittanceLine(
            "job", "con_a", "ITEM", quantity, Money.FromPence((long)net + discount), Rate.Zero, Rate.Zero,
            Money.FromPence(net), Money.FromPence((long)net * vatShare / 100));

    [Property(MaxTest = 150)]
    public Property ControlSum_IsTheSumOfTransfers() => Prop.ForAll(Arb.From(Batch), batch =>
        Assert.Equal(Money.Sum(batch.Transfers.Select(transfer => transfer.Amount)), batch.ControlSum));

    [Property(MaxTest = 150)]
    public Property Bacs_EveryRecordIsOneHundredAllowedCharacters() => Prop.ForAll(Arb.From(Batch), batch =>
    {
        var records = Bacs.Standard18WriterTests.Records(Standard18Writer.Write(batch).Value);

        Assert.Equal(batch.NumberOfTransactions, records.Count);
        Assert.All(records, record =>
        {
            Assert.Equal(Standard18Writer.RecordLength, record.Length);
            Assert.True(record.All(BacsText.IsAllowed), $"record has a character BACS does not allow: {record}");
        });
        Assert.Equal(batch.ControlSum.Pence, records.Sum(record => long.Parse(record[35..46], CultureInfo.InvariantCulture)));
    });

    [Property(MaxTest = 60)]
    public Property Pain001_IsSchemaValidAndItsTotalsAgree() => Prop.ForAll(Arb.From(Batch), batch =>
    {
        var document = Pain001Writer.Write(batch);
        XNamespace iso = Pain001Writer.Namespace;
        var xml = XDocument.Parse(Encoding.UTF8.GetString(document.Content.Span));

        Assert.Empty(Pain001Schema.Problems(document.Content));
        var amounts = xml.Descendants(iso + "InstdAmt").Sum(amount => decimal.Parse(amount.Value, CultureInfo.InvariantCulture));
        Assert.Equal(amounts, decimal.Parse(xml.Descendants(iso + "CtrlSum").First().Value, CultureInfo.InvariantCulture));
        Assert.Equal(batch.ControlSum.Pence, amounts * 100);
        Assert.Equal(batch.NumberOfTransactions.ToString(CultureInfo.InvariantCulture), xml.Descendants(iso + "NbOfTxs").First().Value);
    });

    private static string FitName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= BankAccount.MaxAccountNameLength ? trimmed : trimmed[..BankAccount.MaxAccountNameLength].TrimEnd();
    }
}
