using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>
/// The terms of a repair contract (SPEC §4): who supplies, when, what at which price, how fast, and the rules
/// that discount and penalise. Terms never change after registration; a change is a new contract. Client input
/// becomes terms through <see cref="ContractTermsParser"/>; the ledger holds them as <see cref="ToCanonicalJson"/>
/// with their <see cref="TermsHash"/>. Immutable and thread-safe; equal when every term is equal.
/// </summary>
public sealed record ContractTerms
{
    /// <summary>Takes terms already checked; see <see cref="ContractTermsParser"/> for client input.</summary>
    /// <exception cref="ArgumentException">The period does not end after it starts, or the items are empty or repeat a code.</exception>
    public ContractTerms(
        string title,
        SupplierId supplierId,
        DateOnly starts,
        DateOnly ends,
        Rate vatRate,
        IEnumerable<ContractItem> items,
        Timescales timescales,
        VolumeDiscount volumeDiscount,
        LatePenalty latePenalty)
    {
        if (starts >= ends)
        {
            throw new ArgumentException($"A contract ends after it starts; {starts:yyyy-MM-dd} to {ends:yyyy-MM-dd} does not.", nameof(ends));
        }

        Items = [.. items];
        if (Items.Count == 0 || Items.DistinctBy(item => item.Code, StringComparer.Ordinal).Count() != Items.Count)
        {
            throw new ArgumentException("A contract has at least one item, and no two items share a code.", nameof(items));
        }

        Title = title;
        SupplierId = supplierId;
        Starts = starts;
        Ends = ends;
        VatRate = vatRate;
        Timescales = timescales;
        VolumeDiscount = volumeDiscount;
        LatePenalty = latePenalty;
    }

    public string Title { get; }

    public SupplierId SupplierId { get; }

    /// <summary>The first day the contract is in force.</summary>
    public DateOnly Starts { get; }

    /// <summary>The last day the contract is in force.</summary>
    public DateOnly Ends { get; }

    public Rate VatRate { get; }

    public IReadOnlyList<ContractItem> Items { get; }

    public Timescales Timescales { get; }

    public VolumeDiscount VolumeDiscount { get; }

    public LatePenalty LatePenalty { get; }

    /// <summary>
    /// Lower-case hex SHA-256 of the RFC 8785 canonical form of <see cref="ToCanonicalJson"/>: what the ledger
    /// records beside the terms, and what anyone can recompute from them.
    /// </summary>
    public string TermsHash => Convert.ToHexStringLower(SHA256.HashData(Jcs.Canonicalize(ToCanonicalJson())));

    /// <summary>Whether jobs may be raised on <paramref name="day"/>: from <see cref="Starts"/> to <see cref="Ends"/>, both included.</summary>
    public bool IsInForce(DateOnly day) => Starts <= day && day <= Ends;

    /// <summary>The item with this code, or null when the contract has none.</summary>
    public ContractItem? ItemFor(string code) => Items.FirstOrDefault(item => string.Equals(item.Code, code, StringComparison.Ordinal));

    /// <summary>When a job of <paramref name="priority"/> raised at <paramref name="raisedAt"/> must be completed: raisedAt + timescales[priority].</summary>
    public DateTimeOffset DeadlineFor(Priority priority, DateTimeOffset raisedAt) => Timescales.For(priority).AddTo(raisedAt);

    /// <summary>
    /// The terms in the shape of SPEC §4, written canonically: rates as strings in <see cref="Rate.ToString"/> form,
    /// amounts as integer pence, durations in <see cref="IsoDuration.ToString"/> form, dates as <c>yyyy-MM-dd</c>.
    /// <see cref="ContractTermsParser"/> reads it back unchanged.
    /// </summary>
    public JsonObject ToCanonicalJson() => new()
    {
        ["title"] = Title,
        ["supplierId"] = SupplierId.Value,
        ["starts"] = Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ends"] = Ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["vatRate"] = VatRate.ToString(),
        ["items"] = new JsonArray([.. Items.Select(item => new JsonObject
        {
            ["code"] = item.Code,
            ["description"] = item.Description,
            ["unitPrice"] = item.UnitPrice.Pence,
        })]),
        ["timescales"] = new JsonObject(Priorities.All.Select(priority =>
            KeyValuePair.Create(priority.WireName(), (JsonNode?)Timescales.For(priority).ToString()))),
        ["volumeDiscount"] = new JsonObject
        {
            ["tiers"] = new JsonArray([.. VolumeDiscount.Tiers.Select(tier => new JsonObject
            {
                ["minUnits"] = tier.MinUnits,
                ["rate"] = tier.Rate.ToString(),
            })]),
        },
        ["latePenalty"] = new JsonObject
        {
            ["window"] = LatePenalty.Window.ToString(),
            ["threshold"] = LatePenalty.Threshold.ToString(),
            ["reduction"] = LatePenalty.Reduction.ToString(),
        },
    };

    /// <summary>Reads terms back from <see cref="ToCanonicalJson"/>, e.g. as the ledger recorded them.</summary>
    /// <exception cref="ArgumentException"><paramref name="canonical"/> is not valid terms: stored data that was never checked, or was changed.</exception>
    public static ContractTerms FromCanonicalJson(JsonObject canonical)
    {
        var parsed = ContractTermsParser.Parse(JsonSerializer.SerializeToElement(canonical));
        return parsed.IsValid
            ? parsed.Value
            : throw new ArgumentException(
                "Not valid contract terms: " + string.Join("; ", parsed.Errors.Select(error => $"{error.Field} {error.Message}")),
                nameof(canonical));
    }

    public bool Equals(ContractTerms? other) =>
        other is not null
        && Title == other.Title
        && SupplierId == other.SupplierId
        && Starts == other.Starts
        && Ends == other.Ends
        && VatRate == other.VatRate
        && Items.SequenceEqual(other.Items)
        && Timescales == other.Timescales
        && VolumeDiscount == other.VolumeDiscount
        && LatePenalty == other.LatePenalty;

    public override int GetHashCode() => HashCode.Combine(Title, SupplierId, Starts, Ends, VatRate, Items.Count, VolumeDiscount, LatePenalty);
}
