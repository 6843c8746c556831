namespace HousingLedger.Functions.Api;

/// <summary>Whether a caller asked for CSV (<c>Accept: text/csv</c>) rather than JSON, for the routes that offer both.</summary>
public static class CsvNegotiation
{
    public const string MediaType = "text/csv";

    public static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));
}
