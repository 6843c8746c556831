using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

public sealed partial record PriceBreakdown
{
    /// <summary>The member naming the payment batch that pays the job; the rest are the price (SPEC §6.7).</summary>
    public const string BatchIdMember = "batchId";

    private static readonly string[] LedgerMembers =
        ["gross", "discountRate", "cumulativeUnits", "penaltyRate", "lateJobs", "jobsInScope", "net", "vat", "payable", "fee", BatchIdMember];

    // The largest whole number every JSON reader keeps exactly; no recorded figure is larger.
    private const long LargestRecorded = (1L << 53) - 1;

    /// <summary>
    /// The <c>data</c> of the job's <c>job.settled</c> transaction (SPEC §6.7): <c>gross</c>, <c>net</c>,
    /// <c>vat</c>, <c>payable</c> and <c>fee</c> as integer pence, <c>discountRate</c> and <c>penaltyRate</c> as
    /// canonical rate strings (<c>"0.05"</c>), <c>cumulativeUnits</c>, <c>lateJobs</c> and <c>jobsInScope</c> as integers.
    /// </summary>
    public JsonObject ToLedgerData() => new()
    {
        ["gross"] = Gross.Pence,
        ["discountRate"] = DiscountRate.ToString(),
        ["cumulativeUnits"] = CumulativeUnits,
        ["penaltyRate"] = PenaltyRate.ToString(),
        ["lateJobs"] = LateJobs,
        ["jobsInScope"] = JobsInScope,
        ["net"] = Net.Pence,
        ["vat"] = Vat.Pence,
        ["payable"] = Payable.Pence,
        ["fee"] = Fee.Pence,
    };

    /// <summary>The <c>data</c> of <c>job.settled</c> as settlement records it: the price and the batch that pays it.</summary>
    public JsonObject ToLedgerData(string batchId)
    {
        var data = ToLedgerData();
        data[BatchIdMember] = batchId;
        return data;
    }

    /// <summary>
    /// Every figure of this breakdown, as recorded, that differs from <paramref name="rederived"/>, in the order
    /// <see cref="ToLedgerData()"/> writes them; none when they agree.
    /// </summary>
    public IReadOnlyList<FigureDifference> FiguresDifferingFrom(PriceBreakdown rederived)
    {
        ArgumentNullException.ThrowIfNull(rederived);
        var recorded = ToLedgerData();
        return [.. rederived.ToLedgerData()
            .Where(member => !JsonNode.DeepEquals(member.Value, recorded[member.Key]))
            .Select(member => new FigureDifference(member.Key, recorded[member.Key]!.ToJsonString(), member.Value!.ToJsonString()))];
    }

    /// <summary>
    /// Reads a <c>job.settled</c> transaction's <c>data</c> back, as an auditor does: every member of
    /// <see cref="ToLedgerData()"/> (and, optionally, <see cref="BatchIdMember"/>) and no other, of the right type and in range, with lateJobs no more than
    /// jobsInScope and payable equal to net + vat. Each problem is a field error naming the member.
    /// </summary>
    public static Validated<PriceBreakdown> FromLedgerData(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LedgerDocument.Read(data, string.Empty, LedgerMembers, Read);
    }

    private static PriceBreakdown? Read(JsonObjectReader fields)
    {
        var gross = fields.Integer("gross", 0, LargestRecorded);
        var discountRate = ReadRate(fields, "discountRate");
        var cumulativeUnits = fields.Integer("cumulativeUnits", 1, LargestRecorded);
        var penaltyRate = ReadRate(fields, "penaltyRate");
        var lateJobs = fields.Integer("lateJobs", 0, int.MaxValue);
        var jobsInScope = fields.Integer("jobsInScope", 0, int.MaxValue);
        var net = fields.Integer("net", 0, LargestRecorded);
        var vat = fields.Integer("vat", 0, LargestRecorded);
        var payable = fields.Integer("payable", 0, LargestRecorded);
        var fee = fields.Integer("fee", 0, LargestRecorded);
        fields.Identifier(BatchIdMember, required: false);
        if (lateJobs > jobsInScope)
        {
            fields.Add("lateJobs", $"must not exceed jobsInScope ({jobsInScope}); found {lateJobs}");
        }

        if (net + vat is { } sum && payable is { } recorded && sum != recorded)
        {
            fields.Add("payable", $"must be net + vat ({sum}); found {recorded}");
        }

        return fields.IsValid
            ? new PriceBreakdown(
                Money.FromPence(gross!.Value),
                discountRate!.Value,
                cumulativeUnits!.Value,
                penaltyRate!.Value,
                (int)lateJobs!.Value,
                (int)jobsInScope!.Value,
                Money.FromPence(net!.Value),
                Money.FromPence(vat!.Value),
                Money.FromPence(fee!.Value))
            : null;
    }

    private static Rate? ReadRate(JsonObjectReader fields, string name)
    {
        var text = fields.String(name);
        if (text is null)
        {
            return null;
        }

        if (Rate.TryParse(text, out var rate) && rate.ToString() == text)
        {
            return rate;
        }

        fields.Add(name, $"must be a rate from 0 to 1 in canonical form, e.g. \"0.05\"; found \"{text}\"");
        return null;
    }
}
