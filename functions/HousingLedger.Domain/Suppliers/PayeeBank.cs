using HousingLedger.Values;

namespace HousingLedger.Suppliers;

/// <summary>
/// The account a supplier is paid into as a settlement run found it, with the latest change of it, if any. A
/// run takes this once per payee and keeps it with every job it settles, so the batch pays the details the hold
/// decision was taken on, and whoever files the batch later writes the same bytes. Immutable.
/// </summary>
public sealed record PayeeBank(BankAccount Account, BankDetailsChange? LatestChange)
{
    public BankAccount Account { get; } = Account ?? throw new ArgumentNullException(nameof(Account));

    /// <summary>
    /// Whether the payee's jobs must be held out of the batch: its details changed and the paying association has
    /// not confirmed that change. Age does not release a hold — an unconfirmed change 31 days old is as
    /// suspect as one a day old — so only the association's confirmation does.
    /// </summary>
    /// <param name="confirmedByPayer">Whether the paying association confirmed <see cref="LatestChange"/>.</param>
    public bool MustHold(bool confirmedByPayer) => LatestChange is not null && !confirmedByPayer;

    /// <summary>Whether a batch as of <paramref name="asOf"/> flags this payee to finance: its details changed recently (<see cref="BankDetailsChange.IsRecentAt"/>).</summary>
    public bool IsFlaggedAt(DateTimeOffset asOf) => LatestChange?.IsRecentAt(asOf) == true;
}
