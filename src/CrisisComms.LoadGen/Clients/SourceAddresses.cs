using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CrisisComms.LoadGen.Clients;

/// <summary>
/// One HTTP handler per loopback source address, whose sockets bind that address before they
/// connect. One source and destination pair has only ~28,000 ephemeral ports; several sources
/// (127.0.0.2, 127.0.0.3, …) lift that limit.
/// </summary>
internal static class SourceAddresses
{
    // Linux: let connect() choose the port, so one port serves several destinations.
    private const int IpBindAddressNoPort = 24;

    private static readonly ConcurrentDictionary<string, HttpMessageInvoker> Invokers = new();

    public static HttpMessageInvoker InvokerFor(IPAddress? source) =>
        Invokers.GetOrAdd(source?.ToString() ?? "", _ => new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = (context, ct) => ConnectAsync(source, context.DnsEndPoint, ct),
        }));

    /// <summary>
    /// A handler over the shared one for <paramref name="source"/> that SignalR may dispose with its
    /// connection (it does, for the negotiate client) without closing the pool every client shares.
    /// </summary>
    public static HttpMessageHandler HandlerFor(IPAddress? source) => new Shared(InvokerFor(source));

    private sealed class Shared(HttpMessageInvoker inner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => inner.SendAsync(request, ct);
    }

    private static async ValueTask<Stream> ConnectAsync(IPAddress? source, DnsEndPoint target, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host, out var parsed) ? [parsed] : await Dns.GetHostAddressesAsync(target.Host, ct);
        var address = addresses.FirstOrDefault(a => source is null || a.AddressFamily == source.AddressFamily)
            ?? throw new SocketException((int)SocketError.AddressFamilyNotSupported);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null)
            {
                if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(0, IpBindAddressNoPort, BitConverter.GetBytes(1));
                socket.Bind(new IPEndPoint(source, 0));
            }
            await socket.ConnectAsync(new IPEndPoint(address, target.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
