using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// One payment to one supplier in a batch, covering all of that supplier's settled jobs, as a
/// <see cref="RemittanceTally"/> of their remittance lines gives it. The lines themselves go to the remittance
/// CSV as they are read; the transfer keeps their count, their sum and the first job ids.
/// </summary>
/// <param name="SupplierId">The supplier paid.</param>
/// <param name="Payee">The supplier's name and the bank account registered for it.</param>
/// <param name="EndToEndReference">
/// The reference the supplier sees on its statement: the same text in the pain.001 <c>EndToEndId</c>, the BACS
/// reference field and the remittance advice, so it must fit all three (see <see cref="ReferenceRule"/>).
/// </param>
/// <param name="PayeeDetailsChangedRecently">
/// The payee's bank details changed within the last 30 days (SPEC §9): finance should confirm them before release.
/// </param>
/// <param name="Amount">The amount transferred: the sum of the lines' payable amounts.</param>
/// <param name="NumberOfJobs">How many settled jobs (remittance lines) the transfer pays for.</param>
/// <param name="LeadingJobIds">The first of those jobs by id, as many as the pain.001 remittance text can name.</param>
public sealed record CreditTransfer(
    string SupplierId,
    PaymentParty Payee,
    string EndToEndReference,
    bool PayeeDetailsChangedRecently,
    Money Amount,
    int NumberOfJobs,
    IReadOnlyList<string> LeadingJobIds)
{
    public const string ReferenceRule =
        "6–18 characters of A–Z, 0–9, '.', '/' and '-', starting with a letter or digit and not all the same character";

    /// <summary>A copy, so the transfer cannot change after it was checked.</summary>
    public IReadOnlyList<string> LeadingJobIds { get; } = [.. LeadingJobIds ?? throw new ArgumentNullException(nameof(LeadingJobIds))];

    /// <summary>
    /// Whether <paramref name="reference"/> fits every file unchanged: BACS carries 18 characters of a restricted
    /// upper-case set and banks refuse references shorter than 6 or made of one repeated character.
    /// </summary>
    public static bool IsValidReference(string? reference) =>
        reference is { Length: >= 6 and <= 18 }
        && char.IsAsciiLetterOrDigit(reference[0])
        && reference.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '/' or '-')
        && reference.Distinct().Skip(1).Any();
}
