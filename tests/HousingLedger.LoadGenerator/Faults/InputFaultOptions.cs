namespace HousingLedger.LoadGenerator.Faults;

/// <summary>What one fault run does (<c>fuzz</c>, <c>duplicates</c> or <c>poison</c>); each reads only the options it names.</summary>
/// <param name="ServiceUrl">The running service (fuzz, duplicates); poison starts its own in this process.</param>
/// <param name="OperatorKey">The operator's API key.</param>
/// <param name="Seed">The seed of every random choice; the same seed sends the same run again.</param>
/// <param name="Requests">fuzz: malformed requests to send.</param>
/// <param name="Jobs">duplicates: jobs whose webhooks are redelivered; poison: jobs raised while the poison is handled.</param>
/// <param name="Messages">poison: malformed messages of each kind on each queue.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
/// <param name="Timeout">How long to wait for chains, queues and work orders to settle.</param>
public sealed record InputFaultOptions(
    Uri ServiceUrl, string OperatorKey, int Seed, int Requests, int Jobs, int Messages, int Concurrency, TimeSpan Timeout);
