using System.Globalization;
using System.Text;
using System.Xml;
using HousingLedger.Values;

namespace HousingLedger.Payments.Iso20022;

/// <summary>
/// Writes a batch as an ISO 20022 <c>pain.001.001.09</c> customer credit transfer initiation (UTF-8, no byte
/// order mark): one payment information block debiting the association, one <c>CdtTrfTxInf</c> per supplier.
/// </summary>
/// <remarks>
/// UK domestic accounts have no IBAN in the files banks take for Bacs and Faster Payments, so each account is
/// written the way UK banks' pain.001 guides describe a sort code and account number: the sort code as the
/// agent's clearing system member id under the external code <c>GBDSC</c> (UK Domestic Sort Code), and the
/// eight-digit account number as the account's <c>Othr/Id</c>, with the account name in <c>Nm</c>. Keeping the
/// two in their own elements, rather than one fourteen-digit proprietary string, lets the bank route on the sort
/// code without parsing. Amounts are pounds with two decimals; <c>NbOfTxs</c> and <c>CtrlSum</c> are written
/// from the batch's derived totals, at group and payment level alike.
/// </remarks>
public static class Pain001Writer
{
    public const string FileName = "pain.001.001.09.xml";

    public const string ContentType = "application/xml";

    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /// <summary>The ISO 20022 external code for a UK sort code as a clearing system member id.</summary>
    public const string UkSortCodeClearingSystem = "GBDSC";

    private static readonly byte[] Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8.ToArray();

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,

        // Written ahead of the writer, so it names the encoding as bank guides do ("UTF-8", not "utf-8").
        OmitXmlDeclaration = true,
    };

    /// <summary>
    /// The document. Every batch fits the schema's amount type (18 digits, 2 after the point), because a batch's
    /// total is capped at <see cref="PaymentBatch.MaxTotalPence"/>.
    /// </summary>
    public static PaymentFile Write(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream();
        stream.Write(Declaration);
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            WriteGroupHeader(xml, batch);
            WritePaymentInformation(xml, batch);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        stream.WriteByte((byte)'\n');
        return new PaymentFile(FileName, ContentType, stream.ToArray());
    }

    private static void WriteGroupHeader(XmlWriter xml, PaymentBatch batch)
    {
        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", batch.BatchId);
        xml.WriteElementString("CreDtTm", UtcTimestamp.Format(WholeSeconds(batch.CreatedAt)));
        WriteTotals(xml, batch);
        xml.WriteStartElement("InitgPty");
        xml.WriteElementString("Nm", batch.Payer.Name);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WritePaymentInformation(XmlWriter xml, PaymentBatch batch)
    {
        xml.WriteStartElement("PmtInf");
        xml.WriteElementString("PmtInfId", batch.BatchId);
        xml.WriteElementString("PmtMtd", "TRF");
        WriteTotals(xml, batch);
        xml.WriteStartElement("ReqdExctnDt");
        xml.WriteElementString("Dt", batch.PaymentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        WriteParty(xml, "Dbtr", batch.Payer.Name);
        WriteAccount(xml, "DbtrAcct", batch.Payer.Account);
        WriteAgent(xml, "DbtrAgt", batch.Payer.Account.SortCode);
        foreach (var transfer in batch.Transfers)
        {
            WriteTransfer(xml, transfer);
        }

        xml.WriteEndElement();
    }

    private static void WriteTransfer(XmlWriter xml, CreditTransfer transfer)
    {
        xml.WriteStartElement("CdtTrfTxInf");
        xml.WriteStartElement("PmtId");
        xml.WriteElementString("EndToEndId", transfer.EndToEndReference);
        xml.WriteEndElement();
        xml.WriteStartElement("Amt");
        xml.WriteStartElement("InstdAmt");
        xml.WriteAttributeString("Ccy", "GBP");
        xml.WriteString(transfer.Amount.ToPoundsString());
        xml.WriteEndElement();
        xml.WriteEndElement();
        WriteAgent(xml, "CdtrAgt", transfer.Payee.Account.SortCode);
        WriteParty(xml, "Cdtr", transfer.Payee.Name);
        WriteAccount(xml, "CdtrAcct", transfer.Payee.Account);
        xml.WriteStartElement("RmtInf");
        xml.WriteElementString("Ustrd", UnstructuredRemittance.Describe(transfer));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteTotals(XmlWriter xml, PaymentBatch batch)
    {
        xml.WriteElementString("NbOfTxs", batch.NumberOfTransactions.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("CtrlSum", batch.ControlSum.ToPoundsString());
    }

    // Bank guides give the creation time to the second; a fraction is legal in the schema but refused by some.
    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static void WriteParty(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("Nm", name);
        xml.WriteEndElement();
    }

    private static void WriteAccount(XmlWriter xml, string element, BankAccount account)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteStartElement("Othr");
        xml.WriteElementString("Id", account.AccountNumber.Digits);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteElementString("Nm", account.AccountName);
        xml.WriteEndElement();
    }

    private static void WriteAgent(XmlWriter xml, string element, SortCode sortCode)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("FinInstnId");
        xml.WriteStartElement("ClrSysMmbId");
        xml.WriteStartElement("ClrSysId");
        xml.WriteElementString("Cd", UkSortCodeClearingSystem);
        xml.WriteEndElement();
        xml.WriteElementString("MmbId", sortCode.Digits);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
