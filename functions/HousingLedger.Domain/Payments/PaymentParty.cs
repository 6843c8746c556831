using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// Who pays or is paid in a batch: the name the party trades under and the account the money leaves or reaches.
/// The association is the payer; each supplier is a payee. The name follows
/// <see cref="BankAccount.AccountNameRule"/> and is checked when the batch is built.
/// </summary>
public sealed record PaymentParty(string Name, BankAccount Account);
