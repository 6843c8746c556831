namespace HousingLedger.Ledger;

/// <summary>The operator's own chain, beside one chain per association: onboarding of associations and suppliers.</summary>
public static class OperatorChain
{
    /// <summary>Its name; no association may take it as an id.</summary>
    public const string Name = "operator";
}
