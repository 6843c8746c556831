namespace HousingLedger.Spend;

/// <summary>How spend lines are grouped: by month, supplier and contract together, or by one of them alone.</summary>
public enum SpendGrouping
{
    /// <summary>A line per month, supplier and contract.</summary>
    All,

    /// <summary>A line per supplier.</summary>
    Supplier,

    /// <summary>A line per contract (with its supplier).</summary>
    Contract,

    /// <summary>A line per month.</summary>
    Month,
}
