using System.Net.Sockets;

namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>Asks whether something accepts TCP connections on a port.</summary>
public static class PortProbe
{
    public static async Task<bool> IsListeningAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(host, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
