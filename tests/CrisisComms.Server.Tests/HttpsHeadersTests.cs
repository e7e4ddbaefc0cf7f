using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>A node serving HTTPS itself, with an OIDC authority configured for the console.</summary>
public sealed class HttpsHeadersTests(HttpsNodeFixture node) : IClassFixture<HttpsNodeFixture>
{
    private const string PublicHost = "crisis.example.test";

    [Theory]
    [InlineData("/api/v1/banners?audience=public")]
    [InlineData("/console/")]
    public async Task OverHttpsBrowsersAreToldToKeepToHttps(string path)
    {
        using var response = await GetAsync(node.Https, path);
        Assert.Equal("max-age=31536000", SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task OverPlainHttpThereIsNoHsts()
    {
        using var response = await GetAsync(node.Server.BaseAddress, "/console/");
        Assert.Null(SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheConsoleMayTalkToTheAuthorityItSignsInWith()
    {
        using var response = await GetAsync(node.Https, "/console/");
        var connect = SecurityHeadersTests.Directives(SecurityHeadersTests.Header(response, "Content-Security-Policy"))["connect-src"].Split(' ');
        Assert.Contains("https://login.example.test", connect);
        Assert.Contains($"wss://{PublicHost}", connect);
    }

    /// <summary>As a browser on crisis.example.test would ask (HSTS is never sent for localhost).</summary>
    private static async Task<HttpResponseMessage> GetAsync(Uri server, string path)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

/// <summary>One node listening on plain HTTP and on HTTPS with a self-signed certificate.</summary>
public sealed class HttpsNodeFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;
    public Uri Https { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The two ports are free when chosen but not held: another test's server may take one in
        // between. Then this node is not the one answering, so it starts again on two new ports.
        for (var attempt = 1; ; attempt++)
        {
            await StartOnFreePortsAsync();
            if (await AnswersOverHttpsAsync() || attempt == 3) return;
            await Server.DisposeAsync();
        }
    }

    private async Task<bool> AnswersOverHttpsAsync()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync(new Uri(Https, "/health/live"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task StartOnFreePortsAsync()
    {
        var data = Directory.CreateTempSubdirectory("crisiscomms-test-").FullName;
        var (http, https) = TwoFreePorts();
        Https = new Uri($"https://127.0.0.1:{https}");
        var certificate = Path.Combine(data, "node.pfx");
        using (var self = SelfSigned()) await File.WriteAllBytesAsync(certificate, self.Export(X509ContentType.Pfx, "test"));
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel:Endpoints:Https:Url"] = Https.ToString(),
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificate,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "test",
            ["CrisisComms:Auth:Authority"] = "https://login.example.test/tenant/v2.0",
            ["CrisisComms:Auth:ConsoleClientId"] = "crisiscomms-console",
        }, data, http);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    private static (int, int) TwoFreePorts()
    {
        using var a = new TcpListener(IPAddress.Loopback, 0);
        using var b = new TcpListener(IPAddress.Loopback, 0);
        a.Start();
        b.Start();
        return (((IPEndPoint)a.LocalEndpoint).Port, ((IPEndPoint)b.LocalEndpoint).Port);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=crisis.example.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }
}
