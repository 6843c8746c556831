using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Webhooks;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>Who a route lets in: the public, the operator's key, an association admin's key, or a signed supplier.</summary>
[Flags]
public enum Callers
{
    Anyone = 0,
    Operator = 1,
    Admin = 2,
    Supplier = 4,
}

/// <summary>One route that takes input, with a request that it would accept (the fuzz only ever sends it spoiled).</summary>
/// <param name="Body">A body it accepts; null for a route that takes none.</param>
/// <param name="Query">Malformed query strings it must refuse (none when it reads no query).</param>
public sealed record FuzzRoute(HttpMethod Method, string Path, Callers Callers, JsonObject? Body, IReadOnlyList<string> Query)
{
    /// <summary>The path's segments in braces that name something (the fuzz puts bad ids there).</summary>
    public IReadOnlyList<string> PathIds => Path.Split('/').Where(s => s.StartsWith('{')).ToList();
}

/// <summary>One spoiled request: what kind of defect, and exactly what to send.</summary>
public sealed record FuzzCase(string Kind, HttpMethod Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    /// <summary>Sent on a raw socket instead (HttpClient will not send it): the whole request's bytes.</summary>
    public byte[]? Raw { get; init; }
}

/// <summary>
/// Generates malformed requests from a seed, each with at least one defect that the service must refuse: the
/// JSON body (truncated, wrong types, huge, deeply nested, unknown fields, invalid UTF-8, wrong content type),
/// the headers (API key, role, <c>Idempotency-Key</c>, webhook signature, Content-Length), the ids in the path,
/// the query. Never a request the service could rightly accept, so any 2xx is a finding.
/// </summary>
public sealed class FuzzCases(FuzzEstate estate, Random random)
{
    private readonly IReadOnlyList<FuzzRoute> routes = estate.Routes();

    private static readonly string[] BadIds =
    [
        "a b", "-leading", "_leading", "x.y", "../etc", "%00", new string('z', 65), "ÿ", "🙂", "a%2Fb", "a;b", "'or'1'='1", "a\\b", "%20", "%C3%28",
    ];

    private static readonly string[] BadKeys =
    [
        "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer hl_notakey", "bearer  x y z", "Bearer " + new string('k', 9000), "Token abc",
        "Bearer hl_" + new string('0', 64),
    ];

    private static readonly string[] BadIdempotencyKeys =
    [
        "a b", "-x", "_x", new string('k', 65), "key.with.dots", "k/ey", "k:ey", "k%20y", "{}", "'; drop table", "k,ey",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx", "json", "*/*", "",
    ];

    public FuzzCase Next()
    {
        // One route in five is the supplier webhook, so its signature checks get their share of the defects.
        var route = random.Next(5) == 0 ? routes.Single(r => r.Callers == Callers.Supplier) : routes[random.Next(routes.Count)];
        var kinds = KindsFor(route);
        return kinds[random.Next(kinds.Count)] switch
        {
            "truncated" => WithBody(route, "truncated", Truncate(Bytes(route.Body!))),
            "wrong-type" => WithBody(route, "wrong-type", Bytes(WrongType(route.Body!))),
            "unknown-field" => WithBody(route, "unknown-field", Bytes(With(route.Body!, "zz" + random.Next(1000), AnyValue()))),
            "huge" => WithBody(route, "huge", Huge(route.Body!)),
            "deep" => WithBody(route, "deep", Deep(route.Body!)),
            "invalid-utf8" => WithBody(route, "invalid-utf8", InvalidUtf8(route.Body!)),
            "not-an-object" => WithBody(route, "not-an-object", Encoding.UTF8.GetBytes(Pick("[]", "null", "42", "\"text\"", "true", "[{}]", " "))),
            "content-type" => Build(route, "content-type", Path(route), Authorised(route), Bytes(route.Body!), Pick(WrongContentTypes)),
            "authorization" => Build(route, "authorization", Path(route), [new("Authorization", Pick(BadKeys))], Body(route), "application/json"),
            "role" => Build(route, "role", Path(route), [Key((route.Callers & Callers.Operator) != 0 ? Callers.Admin : Callers.Operator)], Body(route), "application/json"),
            "idempotency-key" => Build(route, "idempotency-key", Path(route), [.. Authorised(route), new("Idempotency-Key", Pick(BadIdempotencyKeys))], Body(route), "application/json"),
            "path-id" => BadPath(route),
            "query" => Build(route, "query", Path(route) + "?" + Pick(route.Query), Authorised(route), null, null),
            "method" => Build(route, "method", Path(route), Authorised(route), Body(route), "application/json") with { Method = WrongMethod(route) },
            "signature" => BadSignature(route),
            "content-length" => ContentLengthMismatch(route),
            _ => throw new InvalidOperationException("unknown defect"),
        };
    }

    private List<string> KindsFor(FuzzRoute route)
    {
        var kinds = new List<string> { "method" };
        if (route.Body is not null)
        {
            kinds.AddRange(["truncated", "wrong-type", "unknown-field", "huge", "deep", "invalid-utf8", "not-an-object", "content-type", "content-length"]);
        }

        if (route.Callers is Callers.Supplier)
        {
            kinds.AddRange(["signature", "signature", "signature"]);
        }
        else if (route.Callers is not Callers.Anyone)
        {
            kinds.AddRange(["authorization", "idempotency-key"]);
            if (route.Callers is Callers.Operator or Callers.Admin)
            {
                kinds.Add("role");
            }
        }

        if (route.PathIds.Count > 0)
        {
            kinds.AddRange(["path-id", "path-id"]);
        }

        if (route.Query.Count > 0)
        {
            kinds.AddRange(["query", "query"]);
        }

        return kinds;
    }

    private FuzzCase WithBody(FuzzRoute route, string kind, byte[] body) => route.Callers is Callers.Supplier
        ? Signed(route, kind, Path(route), body, estate.Supplier.Secret, DateTimeOffset.UtcNow)
        : Build(route, kind, Path(route), Authorised(route), body, "application/json");

    private static FuzzCase Build(FuzzRoute route, string kind, string path, IReadOnlyList<KeyValuePair<string, string>> headers, byte[]? body, string? contentType) =>
        new(kind, route.Method, path, headers, body, contentType);

    private byte[]? Body(FuzzRoute route) => route.Body is null ? null : Bytes(route.Body);

    private List<KeyValuePair<string, string>> Authorised(FuzzRoute route) =>
        route.Callers is Callers.Anyone or Callers.Supplier ? [] : [Key((route.Callers & Callers.Admin) != 0 ? Callers.Admin : Callers.Operator)];

    private KeyValuePair<string, string> Key(Callers who) => new("Authorization", "Bearer " + (who == Callers.Operator ? estate.OperatorKey : estate.Owner.ApiKey));

    private string Path(FuzzRoute route)
    {
        var path = route.Path;
        foreach (var (name, value) in estate.PathValues)
        {
            path = path.Replace(name, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    private FuzzCase BadPath(FuzzRoute route)
    {
        var spoiled = route.PathIds[random.Next(route.PathIds.Count)];
        // Half malformed, half well-formed ids that name nothing; a checkpoint is signed for any well-formed chain
        // name, at size 0 (docs/reliability.md), so it gets only malformed ones.
        var id = random.Next(2) == 0 || route.Path.EndsWith("/checkpoint", StringComparison.Ordinal) ? Pick(BadIds) : "zz" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        var path = route.Path.Replace(spoiled, id.Contains('%') ? id : Uri.EscapeDataString(id), StringComparison.Ordinal);
        var fuzzRoute = route with { Path = path };
        return route.Callers is Callers.Supplier
            ? Signed(fuzzRoute, "path-id", Path(fuzzRoute), Bytes(route.Body!), estate.Supplier.Secret, DateTimeOffset.UtcNow)
            : Build(route, "path-id", Path(fuzzRoute), Authorised(route), Body(route), "application/json");
    }

    private HttpMethod WrongMethod(FuzzRoute route)
    {
        HttpMethod[] all = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];
        var others = all.Where(m => m != route.Method && !estate.OtherMethods(route).Contains(m)).ToList();
        return others[random.Next(others.Count)];
    }

    // A webhook that must not verify: the wrong secret, a stale or future or unreadable timestamp, a body changed
    // after signing, a header missing or repeated, a malformed signature, an id that is not an id.
    private FuzzCase BadSignature(FuzzRoute route)
    {
        var body = Bytes(route.Body!);
        var path = Path(route);
        var now = DateTimeOffset.UtcNow;
        var id = "fz" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        var sig = StandardWebhook.Sign(estate.Supplier.Secret, id, now, body);
        var ts = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> headers = [new("webhook-id", id), new("webhook-timestamp", ts), new("webhook-signature", sig)];
        switch (random.Next(9))
        {
            case 0:
                return Signed(route, "signature", path, body, WebhookSecret.Generate(), now);
            case 1:
                return Signed(route, "signature", path, body, estate.Supplier.Secret, now.AddMinutes(Pick(-6, -60, 6, 60 * 24)));
            case 2:
                var tampered = Bytes(With(route.Body!, "jobId", estate.Jobs[^1]));
                return new FuzzCase("signature", route.Method, path, headers, tampered.AsSpan().SequenceEqual(body) ? [.. body, (byte)' '] : tampered, "application/json");
            case 3:
                headers.RemoveAt(random.Next(3));
                break;
            case 4:
                headers[2] = new("webhook-signature", Pick("v1,", "v1,AAAA", "v2," + sig[3..], sig[3..], "v1," + new string('A', 5000), "v1 " + sig[3..], sig.ToUpperInvariant()));
                break;
            case 5:
                headers[1] = new("webhook-timestamp", Pick("", "abc", "-1", "1e9", "99999999999999999999", ts + ".5", " "));
                break;
            case 6:
                // Signed over a good id (the signer refuses a bad one), sent with a bad one.
                headers[0] = new("webhook-id", Pick(BadIdempotencyKeys));
                break;
            case 7:
                headers.Add(headers[random.Next(3)]);
                headers.Add(new(headers[^1].Key, headers[^1].Value + "x"));
                break;
            default:
                headers[2] = new("webhook-signature", StandardWebhook.Sign(estate.Supplier.Secret, id + "x", now, body));
                break;
        }

        return new FuzzCase("signature", route.Method, path, headers, body, "application/json");
    }

    private static FuzzCase Signed(FuzzRoute route, string kind, string path, byte[] body, WebhookSecret secret, DateTimeOffset at)
    {
        var id = "fz" + Guid.NewGuid().ToString("N")[..16];
        return new FuzzCase(kind, route.Method, path,
        [
            new("webhook-id", id),
            new("webhook-timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("webhook-signature", StandardWebhook.Sign(secret, id, at, body)),
        ], body, "application/json");
    }

    // HttpClient always sends the true Content-Length, so these go on a raw socket: a body shorter than its
    // Content-Length (the sender then stops), or longer (the tail is read as the next request).
    private FuzzCase ContentLengthMismatch(FuzzRoute route)
    {
        var body = Bytes(route.Body!);
        var shorter = random.Next(2) == 0;
        var declared = shorter ? body.Length + 1 + random.Next(1000) : random.Next(1, body.Length);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{route.Method.Method} {Path(route)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {declared}\r\n");
        foreach (var (name, value) in Authorised(route))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (route.Callers is Callers.Supplier)
        {
            // Signed over the bytes the service will read, so only the length is wrong.
            var at = DateTimeOffset.UtcNow;
            var id = "fz" + Guid.NewGuid().ToString("N")[..16];
            var read = shorter ? body : body[..declared];
            head.Append(CultureInfo.InvariantCulture, $"webhook-id: {id}\r\nwebhook-timestamp: {at.ToUnixTimeSeconds()}\r\nwebhook-signature: {StandardWebhook.Sign(estate.Supplier.Secret, id, at, read)}\r\n");
        }

        head.Append("\r\n");
        return new FuzzCase("content-length", route.Method, Path(route), [], body, "application/json") { Raw = [.. Encoding.ASCII.GetBytes(head.ToString()), .. body] };
    }

    // Never to nothing: an empty body is no body, which routes with an optional body rightly accept.
    private byte[] Truncate(byte[] body) => body[..random.Next(1, body.Length)];

    private JsonObject WrongType(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        var names = copy.Select(p => p.Key).ToList();
        if (names.Count == 0)
        {
            // Every route here with an empty body reads none of its own fields, so any member is unknown.
            copy["body"] = AnyValue();
            return copy;
        }

        var name = names[random.Next(names.Count)];
        var value = copy[name];
        // A value of another JSON type than the one the field takes (never null, which may mean "absent").
        copy[name] = value?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => Pick<JsonNode>(12345, true, new JsonArray("x"), new JsonObject { ["x"] = 1 }, -0.5),
            System.Text.Json.JsonValueKind.Number => Pick<JsonNode>("many", "", true, new JsonArray(1), new JsonObject(), 1e308),
            System.Text.Json.JsonValueKind.Object => Pick<JsonNode>("object", 7, false, new JsonArray()),
            System.Text.Json.JsonValueKind.Array => Pick<JsonNode>("array", 7, new JsonObject()),
            _ => "wrong",
        };
        return copy;
    }

    private byte[] Huge(JsonObject body) => random.Next(2) == 0
        // Over the 256 KiB limit.
        ? Bytes(With(body, "zzHuge", new string('h', 256 * 1024 + random.Next(10_000))))
        // Under it, but in a field no route takes.
        : Bytes(With(body, "zzLong", new string('\u00e9', 50_000 + random.Next(50_000))));

    private byte[] Deep(JsonObject body)
    {
        var depth = random.Next(2) == 0 ? 33 + random.Next(100) : 1_000 + random.Next(100_000);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append(open);
        }

        nested.Append('1');
        for (var i = 0; i < depth; i++)
        {
            nested.Append(close);
        }

        var text = body.ToJsonString();
        return Encoding.UTF8.GetBytes((text.Length > 2 ? text[..^1] + "," : "{") + "\"zzDeep\":" + nested + "}");
    }

    private byte[] InvalidUtf8(JsonObject body)
    {
        var text = Bytes(body.Count == 0 ? new JsonObject { ["zz"] = "abc" } : body);
        // Inside the first string value: an invalid byte sequence where JSON requires UTF-8.
        var at = Array.IndexOf(text, (byte)'"', Array.IndexOf(text, (byte)':') + 1) + 1;
        byte[][] bad = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
        return [.. text[..at], .. bad[random.Next(bad.Length)], .. text[at..]];
    }

    private JsonNode AnyValue() => Pick<JsonNode>("x", 1, true, new JsonArray(), new JsonObject { ["y"] = "z" });

    private static JsonObject With(JsonObject body, string name, JsonNode value)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static byte[] Bytes(JsonObject body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];

    private string Pick(IReadOnlyList<string> choices) => choices[random.Next(choices.Count)];
}
