using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>
/// A server of its own for account changes, revocation and sign-in throttling, so failed sign-ins
/// and revoked sessions touch no other test's officers. It runs with ASP.NET Core's
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED on, as the compose file did, to show that a forwarded
/// address is still believed from nobody but a configured proxy. One admin, "root", added with the
/// real users command.
/// </summary>
public sealed class AccountServerFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public ServerProcess Server { get; private set; } = null!;
    public Officer Admin { get; private set; } = null!;
    public Uri Address => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" });
        await Server.AddAccountAsync("root", Password, "admin");
        Admin = await Officer.SignInAsync(Address, "root", Password);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>Created by the admin through the API, then signed in.</summary>
    public async Task<Officer> AddOfficerAsync(string name, params string[] roles)
    {
        (await Admin.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{name}", new { displayName = name.ToUpperInvariant(), roles, password = Password }))
            .ShouldBe(HttpStatusCode.Created);
        return await Officer.SignInAsync(Address, name, Password);
    }

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/> (any 127.x.y.z is this machine).</summary>
    public HttpClient ClientFrom(string localAddress) => ClientFrom(Address, localAddress);

    public static HttpClient ClientFrom(Uri server, string localAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string name, string password, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username = name, password }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    /// <summary>What GET /api/v1/banners?audience=intranet answers to this token: 200 while it is valid, 401 once refused.</summary>
    public async Task<HttpStatusCode> IntranetBannersAsync(string token)
    {
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/banners?audience=intranet");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Waits until the token is refused; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilRefusedAsync(string token, DateTimeOffset since, TimeSpan limit)
    {
        while (await IntranetBannersAsync(token) != HttpStatusCode.Unauthorized)
        {
            if (DateTimeOffset.UtcNow - since > limit) throw new TimeoutException($"The token was still accepted {limit} after the change.");
            await Task.Delay(50);
        }
        return DateTimeOffset.UtcNow - since;
    }

    /// <summary>A token signed with the server's own key for a subject that is no local account (an intranet's own).</summary>
    public string TokenOfNoLocalAccount(string subject, TimeSpan? lifetime = null)
    {
        var key = File.ReadAllText(Path.Combine(Server.DataFolder, "signing-key")).Trim();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "crisiscomms",
            Audience = "crisiscomms",
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = new[] { "staff" } },
            Expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>A hub connection that does not reconnect, so a test can wait for the server to close it.</summary>
public sealed class OpenHub : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource<DateTimeOffset> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OpenHub(HubConnection connection)
    {
        _connection = connection;
        connection.Closed += _ =>
        {
            _closed.TrySetResult(DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        };
    }

    public static async Task<OpenHub> ConnectAsync(Uri server, string pathAndQuery, string token)
    {
        var hub = new OpenHub(new HubConnectionBuilder()
            .WithUrl(new Uri(server, pathAndQuery), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build());
        await hub._connection.StartAsync();
        return hub;
    }

    public HubConnectionState State => _connection.State;

    /// <summary>When the server closed the connection.</summary>
    public Task<DateTimeOffset> ClosedAsync(TimeSpan timeout) => _closed.Task.WaitAsync(timeout);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AccountServerCollection : ICollectionFixture<AccountServerFixture>
{
    public const string Name = "account server";
}
