using System.Text.Json;
using HousingLedger.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Reads a request's JSON body within the service's limits (256 KiB, depth 32, one JSON object), keeping the
/// exact bytes (a webhook's signature covers them). Refusals come back as problem responses.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>Whether the request carries a body at all, for routes where it is optional (a bare POST takes the defaults).</summary>
    public static bool IsPresent(HttpRequest request) => request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null);

    /// <summary>For a route that takes nothing: null for no body or an empty object, otherwise the refusal.</summary>
    public static async Task<ProblemHttpResult?> RefuseAnyMembersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsPresent(request))
        {
            return null;
        }

        var (fields, refused) = await OpenAsync(request, [], cancellationToken);
        return fields is null ? refused : fields.IsValid ? null : Problems.Invalid(fields.Errors);
    }

    /// <summary>Reads the body and opens its fields, allowing only <paramref name="allowed"/>: the fields, or the refusal of a body that cannot be read.</summary>
    public static async Task<(RequestFields? Fields, ProblemHttpResult? Refused)> OpenAsync(
        HttpRequest request, IReadOnlyCollection<string> allowed, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        return body.Problem is null ? (RequestFields.Open(body.Json, allowed), null) : (null, body.Problem);
    }

    public static async Task<BodyRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = await ReadBytesAsync(request, cancellationToken);
        return raw.Problem is null ? Parse(raw.Bytes) : raw;
    }

    /// <summary>The body's bytes within the limits, not yet parsed (a webhook checks its signature first).</summary>
    public static async Task<BodyRead> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return BodyRead.Refused(Problems.Of(ProblemType.PayloadTooLarge, $"The body has {request.ContentLength} bytes; the limit is {MaxBytes}."));
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return BodyRead.Refused(Problems.Of(ProblemType.UnsupportedMediaType, $"Content-Type was '{request.ContentType}'; send application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return BodyRead.Refused(Problems.Of(ProblemType.PayloadTooLarge, $"The body is over the limit of {MaxBytes} bytes."));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // The server gave up on the body (it stopped short of its Content-Length, or came too slowly): the
            // caller's fault, not the service's, so not a 500.
            return BodyRead.Refused(Problems.Of(ProblemType.IncompleteBody, $"The body did not arrive whole: {ex.Message}"));
        }

        return new BodyRead(buffer.ToArray(), default, null);
    }

    /// <summary>Parses a body that must be one JSON object.</summary>
    public static BodyRead Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BodyRead.Refused(Problems.Invalid("body", $"must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}"));
            }

            return new BodyRead(bytes, document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return BodyRead.Refused(Problems.Of(
                ProblemType.MalformedJson,
                $"The body is not well-formed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).",
                [new FieldError("body", "is not well-formed JSON")]));
        }
    }
}

/// <summary>A body that was read and parsed, or the problem that refuses it.</summary>
public sealed record BodyRead(byte[] Bytes, JsonElement Json, ProblemHttpResult? Problem)
{
    public static BodyRead Refused(ProblemHttpResult problem) => new([], default, problem);
}
