namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>Azurite could not be installed or started; the message says why and what to do.</summary>
public sealed class AzuriteUnavailableException : Exception
{
    public AzuriteUnavailableException(string message)
        : base(message)
    {
    }

    public AzuriteUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
