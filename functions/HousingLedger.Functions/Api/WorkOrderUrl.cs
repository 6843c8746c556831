using HousingLedger.Validation;

namespace HousingLedger.Functions.Api;

/// <summary>
/// A supplier's work-order endpoint: an absolute https URL, or http on loopback for a supplier's local testing.
/// </summary>
public static class WorkOrderUrl
{
    public static Uri? Read(RequestFields fields, string name)
    {
        var text = fields.String(name, 2000);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            && string.IsNullOrEmpty(url.UserInfo))
        {
            return url;
        }

        fields.Add(new FieldError(fields.PathOf(name), "must be an absolute https URL (http only on localhost), without user information"));
        return null;
    }
}
