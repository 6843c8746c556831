using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The supplier's work-order endpoint on a free loopback port: answers every POST 200 and counts the distinct
/// <c>webhook-id</c>s it received, so work orders are delivered once rather than retried for the whole run.
/// It does not check signatures: work-order delivery is measured here only as load on the service.
/// </summary>
public sealed class WorkOrderSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, int> received = new();
    private readonly ConcurrentDictionary<string, long> firstArrivals = new();
    private readonly Task serving;

    private WorkOrderSink(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/work-orders/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Distinct => received.Count;

    public int Deliveries => received.Values.Sum();

    /// <summary>When each <c>webhook-id</c> first arrived, as <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public IReadOnlyDictionary<string, long> FirstArrivals => firstArrivals;

    /// <returns>When (on <paramref name="clock"/>) <paramref name="distinct"/> work orders had arrived, or <see langword="null"/> if not within <paramref name="timeout"/>.</returns>
    public async Task<TimeSpan?> WaitForAsync(int distinct, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = clock.Elapsed + timeout;
        while (Distinct < distinct)
        {
            if (clock.Elapsed > deadline)
            {
                return null;
            }

            await Task.Delay(ChainDrain.PollInterval, cancellationToken);
        }

        return clock.Elapsed;
    }

    public static WorkOrderSink Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WorkOrderSink(port);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            // The service sends a queue batch at once; answer each on its own so none waits behind another.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var id = context.Request.Headers["webhook-id"] ?? "";
        firstArrivals.TryAdd(id, Stopwatch.GetTimestamp());
        received.AddOrUpdate(id, 1, (_, count) => count + 1);
        await context.Request.InputStream.CopyToAsync(Stream.Null);
        context.Response.StatusCode = 200;
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
    }
}
