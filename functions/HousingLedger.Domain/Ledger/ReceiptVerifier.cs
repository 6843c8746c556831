namespace HousingLedger.Ledger;

/// <summary>
/// Checks one receipt on its own: the transaction is the header's chain's; its leaf hash, with the inclusion
/// proof, gives the header's merkleRoot; and the header's hash carries a valid signature by a published key.
/// Thread-safe.
/// </summary>
public static class ReceiptVerifier
{
    /// <param name="receipt">The receipt to check.</param>
    /// <param name="findKey">The published key with a given kid, or null when there is none (e.g. <see cref="Jwks.Find"/>).</param>
    public static ReceiptVerification Verify(Receipt receipt, Func<string, PublicSigningKey?> findKey)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(findKey);
        var header = receipt.Header;
        if (receipt.Tx.Chain != header.Chain)
        {
            return ReceiptVerification.Failed($"tx.chain: expected '{header.Chain}' (the header's chain), found '{receipt.Tx.Chain}'");
        }

        var inclusion = Rfc6962.VerifyInclusion(
            receipt.LeafIndex,
            header.TxCount,
            receipt.Tx.LeafHash(),
            [.. receipt.Proof.Select(Convert.FromHexString)],
            Convert.FromHexString(header.MerkleRoot));
        if (!inclusion.IsValid)
        {
            var what = inclusion.Verdict == ProofVerdict.RootMismatch
                ? $"the leaf hash and proof do not lead to header.merkleRoot {header.MerkleRoot}"
                : "the proof cannot be an inclusion proof for this leaf index and txCount";
            return ReceiptVerification.Failed($"inclusion proof: {what} ({inclusion.Reason})");
        }

        var fault = BlockSignature.FindFault(header, receipt.Signature, findKey);
        return fault is null ? ReceiptVerification.Verified : ReceiptVerification.Failed(fault);
    }
}
