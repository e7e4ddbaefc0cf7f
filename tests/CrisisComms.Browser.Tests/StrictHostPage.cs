using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// Another organisation's web page on its own loopback origin, with a strict Content-Security-Policy
/// that allows our origin for scripts and connections and nothing inline: no style-src 'unsafe-inline'.
/// </summary>
public sealed class StrictHostPage : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _policy;
    private readonly string _html;

    private StrictHostPage(Uri crisisServer, int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        var origin = crisisServer.GetLeftPart(UriPartial.Authority);
        _policy = $"default-src 'self'; script-src 'self' {origin}; connect-src 'self' {origin} ws://{crisisServer.Authority}; "
            + "object-src 'none'; base-uri 'none'";
        _html = $"""
            <!doctype html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <title>Grannkommunen</title>
              <script src="{origin}/widget/crisis-banner.js" data-audience="public" defer></script>
            </head>
            <body><main><h1>Grannkommunens startsida</h1></main></body>
            </html>
            """;
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Address { get; }

    public static StrictHostPage Start(Uri crisisServer) => new(crisisServer, FreePort());

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var response = context.Response;
            if (context.Request.Url?.AbsolutePath == "/")
            {
                response.ContentType = "text/html; charset=utf-8";
                response.Headers["Content-Security-Policy"] = _policy;
                var body = Encoding.UTF8.GetBytes(_html);
                await response.OutputStream.WriteAsync(body);
            }
            else response.StatusCode = 404;
            response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
