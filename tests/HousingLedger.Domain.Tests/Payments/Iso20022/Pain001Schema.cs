using System.Xml;
using System.Xml.Schema;

namespace HousingLedger.Payments.Iso20022;

/// <summary>Validates documents against the official pain.001.001.09 schema kept in <c>testdata/iso20022</c>.</summary>
internal static class Pain001Schema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(Pain001Writer.Namespace, PaymentTestData.PathOf("iso20022", "pain.001.001.09.xsd"));
        schemas.Compile();
        return schemas;
    });

    /// <summary>Every schema error and warning in <paramref name="document"/>, with its line and position.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlyMemory<byte> document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var stream = new MemoryStream(document.ToArray());
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
