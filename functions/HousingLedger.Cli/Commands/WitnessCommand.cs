using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;
using HousingLedger.Witnessing;

namespace HousingLedger.Cli.Commands;

/// <summary>
/// <c>hl witness CHAIN --service URL --api-key-file FILE --key FILE --state FILE</c>: an association witnessing a chain
/// (its own or another's). It fetches the checkpoint and, when it cosigned one before, the consistency proof from that
/// one; cosigns only when the new one extends the old (see <see cref="ChainWitness"/>); hands the cosignature back;
/// and keeps the cosigned checkpoint in the state file for next time. Run it on a schedule. Exit 1 means the service
/// showed a history inconsistent with the one cosigned: keep the state file, it is the evidence.
/// </summary>
internal static class WitnessCommand
{
    public static Command Create(AuditorConsole console)
    {
        var chain = new Argument<string>("CHAIN") { Description = "The chain to witness: an association's id." };
        chain.Validators.Add(argument => CommonSymbols.MustNameAChain(argument, "CHAIN", argument.GetValueOrDefault<string>()));
        var service = new Option<string>("--service") { Description = "The service's address, e.g. https://housingledger.example.", HelpName = "URL", Required = true };
        var apiKey = new Option<string>("--api-key-file") { Description = "A file holding an API key of the association running the witness.", HelpName = "FILE", Required = true };
        var key = new Option<string>("--key") { Description = "The witness's private key (hl witness-key).", HelpName = "FILE", Required = true };
        var state = new Option<string>("--state") { Description = "Where the last checkpoint this witness cosigned for the chain is kept.", HelpName = "FILE", Required = true };
        var command = new Command("witness", "Cosigns the chain's checkpoint when it extends the last one this witness cosigned, and hands the cosignature to the service.")
        {
            chain, service, apiKey, key, state,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            console, parsed.GetValue(chain)!, parsed.GetValue(service)!, parsed.GetValue(apiKey)!, parsed.GetValue(key)!, parsed.GetValue(state)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        AuditorConsole console, string chain, string serviceAddress, string apiKeyPath, string keyPath, string statePath, CancellationToken cancellationToken)
    {
        // A trailing slash, so the API's relative paths go under the address given rather than replacing its last segment.
        if (!Uri.TryCreate(serviceAddress.TrimEnd('/') + "/", UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            return (int)console.Problem(ExitCode.Usage, $"--service: expected the service's http(s) address; found '{serviceAddress}'");
        }

        var apiKey = await InputFile.ReadTextAsync(apiKeyPath, "API key", underAudit: false, cancellationToken);
        var keyText = await InputFile.ReadTextAsync(keyPath, "witness key", underAudit: false, cancellationToken);
        if (apiKey.Value is null || keyText.Value is null)
        {
            return (int)console.Problem(ExitCode.Usage, apiKey.Problem ?? keyText.Problem!);
        }

        using var key = WitnessKey.Parse(keyText.Value, out var keyReason);
        if (key is null)
        {
            return (int)console.Problem(ExitCode.Usage, $"'{keyPath}': {keyReason}");
        }

        Checkpoint? last = null;
        if (File.Exists(statePath))
        {
            last = Checkpoint.FromSignedNote(await File.ReadAllTextAsync(statePath, cancellationToken), out var stateReason);
            if (last is null)
            {
                return (int)console.Problem(ExitCode.Usage, $"the state file '{statePath}' holds no checkpoint: {stateReason}");
            }
        }

        // Every answer the witness reads is small (a JWKS, a note, a proof of a few dozen hashes), so a service that sends
        // more is refused rather than buffered.
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(60), MaxResponseContentBufferSize = 1 << 20 };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Value.Trim());
        try
        {
            var jwks = Jwks.FromJson(JsonObjectFrom(await http.GetStringAsync(new Uri("api/.well-known/jwks.json", UriKind.Relative), cancellationToken), "JWKS"));
            if (!jwks.IsValid)
            {
                return (int)Verdict.Fails(console, $"the service's JWKS is not one: {jwks.Errors[0].Field}: {jwks.Errors[0].Message}");
            }

            var fresh = await http.GetStringAsync(new Uri($"api/ledger/{chain}/checkpoint", UriKind.Relative), cancellationToken);
            var shown = Checkpoint.FromSignedNote(fresh, out _);
            var proof = last is { TreeSize: > 0 } && shown is not null && shown.TreeSize > last.TreeSize
                ? await ProofAsync(http, chain, last.TreeSize, shown.TreeSize, cancellationToken)
                : [];
            return await ActAsync(console, http, statePath, ChainWitness.Decide(chain, fresh, jwks.Value.Keys, last, proof, key, DateTimeOffset.UtcNow), cancellationToken);
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or TaskCanceledException)
        {
            return (int)console.Problem(ExitCode.Usage, $"cannot witness {chain} at {service}: {unreachable.Message}");
        }
        catch (Exception malformed) when (malformed is InvalidDataException or System.Text.Json.JsonException)
        {
            // The service is what the witness watches, so an answer that is not what it should be fails, as any evidence would.
            return (int)Verdict.Fails(console, $"not cosigned: the service's answer is not what it should be: {malformed.Message}");
        }
    }

    private static async Task<int> ActAsync(AuditorConsole console, HttpClient http, string statePath, WitnessDecision decision, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case WitnessDecision.Cosigned cosigned:
                var note = cosigned.Note.ToNote();
                using (var posted = await http.PostAsync(
                    new Uri($"api/ledger/{cosigned.Checkpoint.Chain}/cosignatures", UriKind.Relative),
                    new StringContent(new JsonObject { ["note"] = note }.ToJsonString(), Encoding.UTF8, "application/json"),
                    cancellationToken))
                {
                    if (posted.StatusCode != HttpStatusCode.Created)
                    {
                        return (int)console.Problem(ExitCode.Usage, $"the service refused the cosignature ({(int)posted.StatusCode}): {await posted.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }

                // Written whole and then moved into place, so a crash never leaves a state file that lost the last checkpoint.
                await File.WriteAllTextAsync(statePath + ".new", note, cancellationToken);
                File.Move(statePath + ".new", statePath, overwrite: true);
                return (int)Verdict.Holds(console, $"cosigned checkpoint {CheckpointNotes.Describe(cosigned.Checkpoint)}");
            case WitnessDecision.Inconsistent inconsistent:
                return (int)Verdict.Fails(
                    console,
                    $"the service shows {CheckpointNotes.Describe(inconsistent.Shown)}, inconsistent with {CheckpointNotes.Describe(inconsistent.CosignedBefore)} cosigned before: {inconsistent.Reason}. Nothing was cosigned; keep the state file as evidence");
            case WitnessDecision.Refused refused:
                return (int)Verdict.Fails(console, $"not cosigned: {refused.Reason}");
            default:
                throw new InvalidOperationException("Every witness decision is handled above.");
        }
    }

    private static async Task<IReadOnlyList<byte[]>> ProofAsync(HttpClient http, string chain, long from, long to, CancellationToken cancellationToken)
    {
        var answer = await http.GetStringAsync(new Uri($"api/ledger/{chain}/consistency?from={from}&to={to}", UriKind.Relative), cancellationToken);
        var proof = ConsistencyProofFile.FromJson(JsonObjectFrom(answer, $"consistency proof from {from} to {to}"));
        return proof.IsValid && proof.Value.Chain == chain && proof.Value.From == from && proof.Value.To == to
            ? proof.Value.Proof
            : throw new InvalidDataException($"the service's consistency proof from {from} to {to} is not one");
    }

    private static JsonObject JsonObjectFrom(string answer, string what) =>
        JsonNode.Parse(answer) as JsonObject ?? throw new InvalidDataException($"the service's {what} is not a JSON object");
}
