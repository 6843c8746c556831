using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Suppliers;

/// <summary>
/// Bank details kept off the ledger behind a salted commitment, as free text is (<see cref="FreeTextCommitment"/>):
/// the ledger holds <c>SHA-256(salt ‖ UTF-8(JCS(details)))</c>, the details and salt stay in the state table. An
/// unsalted hash would not hide them: a sort code and an eight-digit account are few enough guesses to try them
/// all. Thread-safe.
/// </summary>
public static class BankDetailsCommitment
{
    /// <summary>The text committed to: the details' canonical JSON (<see cref="BankAccount.ToJson"/>, RFC 8785).</summary>
    public static string CanonicalText(BankAccount bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return Jcs.CanonicalizeToString(bank.ToJson());
    }

    /// <summary>Commits to <paramref name="bank"/> under fresh salt: the commitment (hex) and the salt to keep beside the details.</summary>
    public static (string Commitment, byte[] Salt) Create(BankAccount bank) => FreeTextCommitment.Create(CanonicalText(bank));

    /// <summary>Whether <paramref name="bank"/> under <paramref name="salt"/> is what <paramref name="commitment"/> commits to.</summary>
    public static bool Matches(BankAccount bank, ReadOnlySpan<byte> salt, string commitment) =>
        FreeTextCommitment.Matches(CanonicalText(bank), salt, commitment);
}
