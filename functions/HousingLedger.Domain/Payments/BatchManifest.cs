using System.Globalization;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// The table of contents of a payment batch (<c>manifest.json</c>): which batch, association and run, the payment
/// date, the totals, the payees whose bank details changed recently, and for each file its SHA-256 and size.
/// The bytes are the RFC 8785 (JCS) canonical form, so anyone can rebuild them from the same facts and get the
/// same <see cref="Hash"/>, which is what the association's ledger records (<c>batch.created</c>).
/// </summary>
/// <remarks>
/// Shape: <c>{"associationId", "batchId", "createdAt", "files": {name: {"sha256", "size"}}, "paymentDate",
/// "payeesWithRecentBankChanges": [supplierId, …], "runId", "totals": {"controlSum", "numberOfJobs",
/// "numberOfTransactions"}}</c>; amounts in integer pence, instants as <see cref="UtcTimestamp"/> writes them.
/// </remarks>
public sealed class BatchManifest
{
    public const string FileName = "manifest.json";

    public const string ContentType = "application/json";

    private readonly JsonObject json;

    private BatchManifest(JsonObject json)
    {
        this.json = json;
        File = new PaymentFile(FileName, ContentType, Jcs.Canonicalize(json));
    }

    /// <summary>The manifest as stored, its bytes canonical JSON.</summary>
    public PaymentFile File { get; }

    /// <summary>SHA-256 of the manifest's bytes, lowercase hex: the value recorded on the ledger.</summary>
    public string Hash => File.Sha256;

    /// <summary>
    /// The manifest of <paramref name="batch"/> listing <paramref name="files"/>. Two files with one name are a
    /// programming error.
    /// </summary>
    public static BatchManifest Create(PaymentBatch batch, IEnumerable<PaymentFileDigest> files)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(files);
        var listed = new JsonObject();
        foreach (var file in files)
        {
            if (listed.ContainsKey(file.Name))
            {
                throw new ArgumentException($"The file {file.Name} is listed twice.", nameof(files));
            }

            listed[file.Name] = new JsonObject { ["sha256"] = file.Sha256, ["size"] = file.Size };
        }

        return new BatchManifest(new JsonObject
        {
            ["batchId"] = batch.BatchId,
            ["associationId"] = batch.AssociationId,
            ["runId"] = batch.RunId,
            ["createdAt"] = UtcTimestamp.Format(batch.CreatedAt),
            ["paymentDate"] = batch.PaymentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["totals"] = new JsonObject
            {
                ["numberOfTransactions"] = batch.NumberOfTransactions,
                ["numberOfJobs"] = batch.NumberOfJobs,
                ["controlSum"] = batch.ControlSum.Pence,
            },
            ["payeesWithRecentBankChanges"] = new JsonArray(
                [.. batch.Transfers.Where(transfer => transfer.PayeeDetailsChangedRecently).Select(transfer => JsonValue.Create(transfer.SupplierId))]),
            ["files"] = listed,
        });
    }

    /// <summary>A copy of the manifest as JSON, e.g. to carry in the ledger's <c>batch.created</c> data.</summary>
    public JsonObject ToJson() => (JsonObject)json.DeepClone();
}
