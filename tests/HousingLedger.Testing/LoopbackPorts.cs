using System.Net;
using System.Net.Sockets;

namespace HousingLedger.Testing;

/// <summary>Free TCP ports on loopback for the servers a test starts (Azurite, a host process).</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports free at the moment of asking. Another process may still take one
    /// before the caller binds it, so callers that can retry do.
    /// </summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
