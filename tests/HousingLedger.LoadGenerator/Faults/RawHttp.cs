using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// Sends a request's bytes as they are on a fresh connection and reads the first answer: for what HttpClient
/// refuses to send. It keeps the connection open for sending (a client that half-closes is one that went away,
/// and gets no answer), so a body shorter than its Content-Length waits for the server to give up on it.
/// </summary>
public static class RawHttp
{
    public static async Task<Answer> SendAsync(Uri serviceUrl, byte[] request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(serviceUrl.Host, serviceUrl.Port, timeout.Token);
            await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            using var received = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0 && received.Length < 1024 * 1024)
            {
                received.Write(buffer, 0, read);
            }

            return Parse(Encoding.UTF8.GetString(received.ToArray()), clock.Elapsed);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Answer(0, ex.Message, clock.Elapsed);
        }
    }

    // The first answer only: a request whose body ran past its Content-Length may get a second, to the tail.
    private static Answer Parse(string text, TimeSpan latency)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || end < 0)
        {
            return new Answer(0, "no HTTP answer: " + text, latency);
        }

        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        string? mediaType = null;
        var length = 0;
        var chunked = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                mediaType = value.Split(';')[0].Trim();
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
        }

        var rest = text[(end + 4)..];
        return new Answer(status, chunked ? Unchunk(rest) : rest[..Math.Min(length, rest.Length)], latency, mediaType);
    }

    private static string Unchunk(string rest)
    {
        var body = new StringBuilder();
        while (true)
        {
            var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
            if (lineEnd < 0 || !int.TryParse(rest.AsSpan(0, lineEnd), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                return body.ToString();
            }

            body.Append(rest.AsSpan(lineEnd + 2, Math.Min(size, rest.Length - lineEnd - 2)));
            rest = rest[Math.Min(rest.Length, lineEnd + 2 + size + 2)..];
        }
    }
}
