using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using HousingLedger.Infrastructure.Signing.KeyVault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

/// <summary>
/// A stand-in for one Azure Key Vault, in this process, following the documented REST contract for keys, not
/// Azure itself: a request without a valid token gets 401 with
/// <c>WWW-Authenticate: Bearer authorization="https://login.microsoftonline.com/{tenant}", resource="…"</c>;
/// <c>GET /keys/{name}/{version}</c> answers the key bundle; <c>POST /keys/{name}/{version}/sign</c> signs the
/// digest with ES256 using a P-256 key it holds; secrets are written and read as in the other part of this class;
/// errors are <c>{"error": {"code", "message"}}</c>. It serves
/// https on a loopback port with a certificate made for <see cref="VaultHost"/>; <see cref="CreateTransport"/>
/// connects to it whatever the host name, so the signer under test sees real Key Vault URIs.
/// </summary>
public sealed partial class KeyVaultStandIn : IAsyncDisposable
{
    public const string VaultHost = "hl-test.vault.azure.net";
    public const string TenantId = "4d6f2c1e-8b1a-4c3d-9e2f-0a1b2c3d4e5f";

    private static readonly string[] ApiVersions = ["7.4", "7.5", "7.6", KeyVaultSigningKey.ServiceVersion];

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly int port;
    private readonly ConcurrentDictionary<string, StoredKey> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Func<HttpContext, Task>> signFaults = new();
    private readonly ConcurrentBag<(SocketsHttpHandler Handler, HttpClientTransport Transport)> transports = [];

    private KeyVaultStandIn(WebApplication app, X509Certificate2 certificate, int port)
    {
        this.app = app;
        this.certificate = certificate;
        this.port = port;
    }

    /// <summary>The resource its 401 names; Azure's is <c>https://vault.azure.net</c>.</summary>
    public string ChallengeResource { get; set; } = "https://vault.azure.net";

    /// <summary>Whether its 401 names <c>scope="{resource}/.default"</c> instead of <c>resource=</c>.</summary>
    public bool ChallengeNamesScope { get; set; }

    /// <summary>The only bearer token it accepts.</summary>
    public string AcceptedToken { get; set; } = "token-" + Guid.NewGuid().ToString("N");

    /// <summary>Every request as it arrived, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task<KeyVaultStandIn> StartAsync()
    {
        var certificate = ServerCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        KeyVaultStandIn? standIn = null;
        app.Run(context => standIn!.AnswerAsync(context));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        standIn = new KeyVaultStandIn(app, certificate, address.Port);
        return standIn;
    }

    /// <summary>Creates a new version of key <paramref name="name"/> (as <c>az keyvault key rotate</c> does) and returns its URI.</summary>
    public KeyVaultKeyUri CreateKeyVersion(string name = "ledger-signing", string curve = "P-256", string keyType = "EC")
    {
        var version = Guid.NewGuid().ToString("N");
        var ecCurve = curve == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256;
        keys[$"{name}/{version}"] = new StoredKey(ECDsa.Create(ecCurve), curve, keyType);
        return KeyVaultKeyUri.Parse($"https://{VaultHost}/keys/{name}/{version}").Value;
    }

    /// <summary>The private key the vault holds for <paramref name="key"/>, to check what the signer reports against.</summary>
    public ECParameters PublicParametersOf(KeyVaultKeyUri key) => keys[$"{key.Name}/{key.Version}"].Key.ExportParameters(includePrivateParameters: false);

    /// <summary>The next authenticated sign request is throttled: 429 with this <c>Retry-After</c>.</summary>
    public void ThrottleNextSign(string retryAfter) => signFaults.Enqueue(context =>
    {
        context.Response.Headers.RetryAfter = retryAfter;
        return ErrorAsync(context, 429, "Throttled", "Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached");
    });

    /// <summary>The next authenticated sign request fails with 503.</summary>
    public void FailNextSign() => signFaults.Enqueue(context => ErrorAsync(context, 503, "ServiceUnavailable", "The service is temporarily unavailable."));

    /// <summary>The next authenticated sign request's connection is dropped without an answer.</summary>
    public void DropNextSign() => signFaults.Enqueue(context =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    /// <summary>The next authenticated sign request is answered with a signature by another key.</summary>
    public void SignNextWithAnotherKey() => signFaults.Enqueue(async context =>
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digest = Base64Url.DecodeFromChars((string)(await ReadBodyAsync(context))!["value"]!);
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kid"] = $"https://{VaultHost}{KeyPathOf(context)}",
            ["value"] = Base64Url.EncodeToString(stranger.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
        });
    });

    /// <summary>The caller may read <paramref name="key"/> but not sign with it, as without Key Vault Crypto User.</summary>
    public void ForbidSigningWith(KeyVaultKeyUri key) => keys[$"{key.Name}/{key.Version}"] = keys[$"{key.Name}/{key.Version}"] with { SignForbidden = true };

    /// <summary>A transport that reaches this stand-in for any host name and trusts its certificate only.</summary>
    public HttpPipelineTransport CreateTransport()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData);
        var transport = new HttpClientTransport(handler);
        transports.Add((handler, transport));
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (handler, transport) in transports)
        {
            transport.Dispose();
            handler.Dispose();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
        foreach (var stored in keys.Values)
        {
            stored.Key.Dispose();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new SeenRequest(
            context.Request.Method, context.Request.Path, context.Request.Query["api-version"].ToString(), authorization, DateTimeOffset.UtcNow));

        if (authorization != "Bearer " + AcceptedToken)
        {
            var audience = ChallengeNamesScope ? $"scope=\"{ChallengeResource}/.default\"" : $"resource=\"{ChallengeResource}\"";
            context.Response.Headers.WWWAuthenticate = $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", {audience}";
            await ErrorAsync(context, 401, "Unauthorized", authorization.Length == 0 ? "AKV10000: Request is missing a Bearer or PoP token." : "AKV10022: Invalid audience.");
            return;
        }

        if (!ApiVersions.Contains(context.Request.Query["api-version"].ToString()))
        {
            await ErrorAsync(context, 400, "BadParameter", "The specified version of the API is not supported.");
            return;
        }

        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["secrets", ..])
        {
            await AnswerSecretAsync(context, segments);
            return;
        }

        var isKey = segments is ["keys", _, _];
        var isSign = segments is ["keys", _, _, "sign"];
        if (!(isKey && HttpMethods.IsGet(context.Request.Method)) && !(isSign && HttpMethods.IsPost(context.Request.Method)))
        {
            await ErrorAsync(context, 400, "BadParameter", $"{context.Request.Method} {context.Request.Path} is not an operation of this stand-in.");
            return;
        }

        if (!keys.TryGetValue($"{segments[1]}/{segments[2]}", out var stored))
        {
            await ErrorAsync(context, 404, "KeyNotFound", $"A key with (name/id) {segments[1]}/{segments[2]} was not found in this key vault.");
            return;
        }

        await (isKey ? AnswerKeyAsync(context, stored) : SignAsync(context, stored));
    }

    private static Task AnswerKeyAsync(HttpContext context, StoredKey stored)
    {
        var point = stored.Key.ExportParameters(includePrivateParameters: false).Q;
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["key"] = new JsonObject
            {
                ["kid"] = $"https://{VaultHost}{KeyPathOf(context)}",
                ["kty"] = stored.KeyType,
                ["key_ops"] = new JsonArray("sign", "verify"),
                ["crv"] = stored.Curve,
                ["x"] = Base64Url.EncodeToString(point.X),
                ["y"] = Base64Url.EncodeToString(point.Y),
            },
            ["attributes"] = new JsonObject { ["enabled"] = true, ["recoveryLevel"] = "Recoverable" },
        });
    }

    private async Task SignAsync(HttpContext context, StoredKey stored)
    {
        if (stored.SignForbidden)
        {
            await ErrorAsync(context, 403, "Forbidden", "Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/keys/sign/action'", innerCode: "ForbiddenByRbac");
            return;
        }

        if (signFaults.TryDequeue(out var fault))
        {
            await fault(context);
            return;
        }

        var body = await ReadBodyAsync(context);
        var digest = body?["value"] is JsonValue value ? Base64Url.DecodeFromChars(value.GetValue<string>()) : [];
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true || (string?)body?["alg"] != "ES256" || digest.Length != 32)
        {
            await ErrorAsync(context, 400, "BadParameter", "Sign takes {\"alg\": \"ES256\", \"value\": base64url of a 32-byte digest} as JSON.");
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kid"] = $"https://{VaultHost}{KeyPathOf(context)}",
            ["value"] = Base64Url.EncodeToString(stored.Key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
        });
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context) => await JsonNode.ParseAsync(context.Request.Body);

    /// <summary><c>/keys/{name}/{version}</c>, without the operation.</summary>
    private static string KeyPathOf(HttpContext context) => context.Request.Path.Value!.EndsWith("/sign", StringComparison.Ordinal)
        ? context.Request.Path.Value[..^"/sign".Length]
        : context.Request.Path.Value;

    private static Task ErrorAsync(HttpContext context, int status, string code, string message, string? innerCode = null)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode };
        }

        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = error });
    }

    private static X509Certificate2 ServerCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={VaultHost}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(VaultHost);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed record StoredKey(ECDsa Key, string Curve, string KeyType, bool SignForbidden = false);
}

/// <summary>One request as the stand-in received it, with the <c>Authorization</c> header it carried (empty when none).</summary>
public sealed record SeenRequest(string Method, string Path, string ApiVersion, string Authorization, DateTimeOffset At);
