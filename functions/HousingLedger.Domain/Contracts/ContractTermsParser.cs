using System.Globalization;
using System.Text.Json;
using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>
/// Checks a client's contract terms (the body of <c>POST /api/contracts</c>, SPEC §4) in full and reports every
/// problem with the path a client can follow: <c>items[2].unitPrice</c>, <c>volumeDiscount.tiers[1].minUnits</c>.
/// Every member is required, unknown or repeated members are refused, and rates are JSON strings so no ledger
/// body carries a non-integer number. Thread-safe.
/// </summary>
public static class ContractTermsParser
{
    public const int MaxTitleLength = 200;

    public const int MaxItems = 1000;

    public const int MaxDescriptionLength = 500;

    /// <summary>The highest unit price in pence (£100 million): a price times the largest quantity stays exact in a JSON number.</summary>
    public const long MaxUnitPricePence = 10_000_000_000;

    public const int MaxTiers = 100;

    // Generous for a date, rate or duration, so a near miss hears what the value should look like.
    private const int MaxValueLength = 64;

    private static readonly string[] TermsMembers =
        ["title", "supplierId", "starts", "ends", "vatRate", "items", "timescales", "volumeDiscount", "latePenalty"];

    private static readonly string[] ItemMembers = ["code", "description", "unitPrice"];

    private static readonly string[] TimescaleMembers = [.. Priorities.All.Select(priority => priority.WireName())];

    private static readonly string[] VolumeDiscountMembers = ["tiers"];

    private static readonly string[] TierMembers = ["minUnits", "rate"];

    private static readonly string[] LatePenaltyMembers = ["window", "threshold", "reduction"];

    public static Validated<ContractTerms> Parse(JsonElement body) =>
        JsonObjectReader.Read(body, string.Empty, JsonReadPolicy.Request, TermsMembers, Read);

    private static ContractTerms? Read(JsonObjectReader terms)
    {
        var title = ReadTitle(terms);
        var supplierId = terms.Identifier("supplierId");
        var starts = ReadDate(terms, "starts");
        var ends = ReadDate(terms, "ends");
        if (starts is { } first && ends is { } last && first >= last)
        {
            terms.Add("ends", $"must be after starts ({first:yyyy-MM-dd}); found {last:yyyy-MM-dd}");
        }

        var vatRate = ReadRate(terms, "vatRate");
        var items = ReadItems(terms);
        var timescales = ReadTimescales(terms);
        var volumeDiscount = ReadVolumeDiscount(terms);
        var latePenalty = ReadLatePenalty(terms);
        return terms.IsValid
            ? new ContractTerms(
                title!, TypedId.Parse<SupplierId>(supplierId!), starts!.Value, ends!.Value, vatRate!.Value, items!, timescales!, volumeDiscount!, latePenalty!)
            : null;
    }

    private static string? ReadTitle(JsonObjectReader terms)
    {
        var title = terms.String("title", MaxTitleLength);
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            terms.Add("title", "must not be blank");
            return null;
        }

        return title;
    }

    private static DateOnly? ReadDate(JsonObjectReader fields, string name)
    {
        var text = fields.String(name, MaxValueLength);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fields.Add(name, $"must be a date written yyyy-MM-dd, e.g. 2026-01-01; found \"{text}\"");
        return null;
    }

    private static Rate? ReadRate(JsonObjectReader fields, string name)
    {
        if (fields.Element(name) is { ValueKind: JsonValueKind.Number } number)
        {
            fields.Add(name, $"must be a string such as \"0.20\", as rates are written as strings; found the number {number.GetRawText()}");
            return null;
        }

        var text = fields.String(name, MaxValueLength);
        if (text is null)
        {
            return null;
        }

        if (IsRateText(text) && Rate.TryParse(text, out var rate))
        {
            return rate;
        }

        fields.Add(name, $"must be a rate from 0 to 1 with at most 10 decimal places, e.g. \"0.20\"; found \"{text}\"");
        return null;
    }

    // Only digits and a point reach Rate.TryParse, which throws on a trailing line break (its pattern's '$' lets one through).
    private static bool IsRateText(string text) => text.All(c => char.IsAsciiDigit(c) || c == '.');

    private static IsoDuration? ReadDuration(JsonObjectReader fields, string name)
    {
        var text = fields.String(name, MaxValueLength);
        if (text is null)
        {
            return null;
        }

        if (IsoDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        fields.Add(name, $"must be {IsoDuration.Rule}; found \"{text}\"");
        return null;
    }

    private static List<ContractItem>? ReadItems(JsonObjectReader terms)
    {
        var entries = terms.Entries("items", MaxItems, ItemMembers);
        if (entries is null)
        {
            return null;
        }

        var items = new List<ContractItem>();
        var pathsByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.OfType<JsonObjectReader>())
        {
            var code = entry.String("code", ContractItem.MaxCodeLength);
            if (code is not null && !ContractItem.IsValidCode(code))
            {
                entry.Add("code", $"must be an item code of {ContractItem.CodeRule}; found \"{code}\"");
                code = null;
            }
            else if (code is not null && !pathsByCode.TryAdd(code, entry.PathOf("code")))
            {
                entry.Add("code", $"repeats the code {code} of {pathsByCode[code]}; each item has its own code");
            }

            var description = entry.String("description", MaxDescriptionLength);
            var unitPrice = entry.Integer("unitPrice", 0, MaxUnitPricePence);
            if (code is not null && description is not null && unitPrice is not null)
            {
                items.Add(new ContractItem(code, description, Money.FromPence(unitPrice.Value)));
            }
        }

        return items;
    }

    private static Timescales? ReadTimescales(JsonObjectReader terms)
    {
        var timescales = terms.Nested("timescales", TimescaleMembers);
        if (timescales is null)
        {
            return null;
        }

        var durations = Priorities.All.Select(priority => ReadDuration(timescales, priority.WireName())).ToList();
        return timescales.IsValid ? new Timescales(durations[0]!, durations[1]!, durations[2]!) : null;
    }

    private static VolumeDiscount? ReadVolumeDiscount(JsonObjectReader terms)
    {
        var discount = terms.Nested("volumeDiscount", VolumeDiscountMembers);
        if (discount is null)
        {
            return null;
        }

        var tiers = new List<DiscountTier>();
        int? previous = null;
        foreach (var (entry, index) in (discount.Entries("tiers", MaxTiers, TierMembers) ?? []).Select((entry, index) => (entry, index)))
        {
            if (entry is null)
            {
                previous = null;
                continue;
            }

            var minUnits = (int?)entry.Integer("minUnits", 1, int.MaxValue);
            if (index == 0 && minUnits is { } first && first != 1)
            {
                entry.Add("minUnits", $"must be 1 in the first tier, so every job falls in a tier; found {first}");
            }
            else if (minUnits is { } units && previous is { } before && units <= before)
            {
                entry.Add("minUnits", $"must be greater than the previous tier's minUnits ({before}); found {units}");
            }

            previous = minUnits;
            var rate = ReadRate(entry, "rate");
            if (minUnits is not null && rate is not null)
            {
                tiers.Add(new DiscountTier(minUnits.Value, rate.Value));
            }
        }

        return discount.IsValid ? new VolumeDiscount(tiers) : null;
    }

    private static LatePenalty? ReadLatePenalty(JsonObjectReader terms)
    {
        var penalty = terms.Nested("latePenalty", LatePenaltyMembers);
        if (penalty is null)
        {
            return null;
        }

        var window = ReadDuration(penalty, "window");
        if (window is { IsWholeMonths: false })
        {
            penalty.Add("window", $"must be whole calendar months, e.g. P12M or P1Y; found \"{window}\"");
        }

        var threshold = ReadRate(penalty, "threshold");
        var reduction = ReadRate(penalty, "reduction");
        return penalty.IsValid ? new LatePenalty(window!, threshold!.Value, reduction!.Value) : null;
    }
}
