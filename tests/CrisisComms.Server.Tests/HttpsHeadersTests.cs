using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>A node serving HTTPS itself, with an OIDC authority configured for the console.</summary>
public sealed class HttpsHeadersTests : IAsyncLifetime
{
    private const string Authority = "https://login.example.test/tenant/v2.0";
    private const string PublicHost = "crisis.example.test";
    private ServerProcess _server = null!;
    private Uri _https = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("crisiscomms-test-").FullName;
        var (http, https) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        _https = new Uri($"https://127.0.0.1:{https}");
        var certificate = Path.Combine(data, "node.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSigned().Export(X509ContentType.Pfx, "test"));
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel:Endpoints:Https:Url"] = _https.ToString(),
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificate,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "test",
            ["CrisisComms:Auth:Authority"] = Authority,
            ["CrisisComms:Auth:ConsoleClientId"] = "crisiscomms-console",
        }, data, http);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/api/v1/banners?audience=public")]
    [InlineData("/console/")]
    public async Task OverHttpsBrowsersAreToldToKeepToHttps(string path)
    {
        using var response = await GetAsync(_https, path, PublicHost);
        Assert.Equal("max-age=31536000", SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task OverPlainHttpThereIsNoHsts()
    {
        using var response = await GetAsync(_server.BaseAddress, "/console/", PublicHost);
        Assert.Null(SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheConsoleMayTalkToTheAuthorityItSignsInWith()
    {
        using var response = await GetAsync(_https, "/console/", PublicHost);
        var connect = SecurityHeadersTests.Directives(SecurityHeadersTests.Header(response, "Content-Security-Policy"))["connect-src"];
        Assert.Contains("https://login.example.test", connect.Split(' '));
        Assert.Contains($"wss://{PublicHost}", connect.Split(' '));
    }

    private static async Task<HttpResponseMessage> GetAsync(Uri server, string path, string host)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={PublicHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }
}
