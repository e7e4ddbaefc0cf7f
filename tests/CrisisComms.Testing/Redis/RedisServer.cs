using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace CrisisComms.Testing.Redis;

/// <summary>
/// A real redis-server (the Debian package) on a free loopback port with its own temporary data
/// folder and AOF. <see cref="StopAsync"/> kills it as a crash would; <see cref="StartAsync"/>
/// brings it back on the same port and folder, so it reloads what its AOF holds.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly RedisServerLog _log = new();
    private Process? _process;

    private RedisServer(int port, string dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }
    public string DataDirectory { get; }
    public string EndPoint => $"127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartNewAsync(CancellationToken ct = default)
    {
        // The free port is only free until someone else takes it: then redis-server exits, and a
        // new port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreeLoopbackPort(), Directory.CreateTempSubdirectory("crisiscomms-redis-").FullName);
            try
            {
                await server.StartAsync(ct);
                return server;
            }
            catch (RedisServerExitedException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the server (again) and returns once it answers, its AOF loaded.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning) throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        await StopAsync();
        _process = RedisServerProcesses.Start(Executable(), Arguments(), _log);
        await WaitUntilAnsweringAsync(_process, ct);
    }

    /// <summary>Kills the server without warning, as a crash or a pulled cable would.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await RedisServerProcesses.KillAsync(_process);
        _process = null;
    }

    /// <summary>
    /// Client options that notice an outage quickly: the real service's defaults would make a test
    /// wait many seconds for each call to give up.
    /// </summary>
    public ConfigurationOptions ClientOptions()
    {
        var options = ConfigurationOptions.Parse(EndPoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        return options;
    }

    /// <summary><see cref="ClientOptions"/> as a configuration string, for a host configured by text.</summary>
    public string ClientConfiguration => ClientOptions().ToString();

    public async Task<IConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(ClientOptions());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test run for.
        }
    }

    public override string ToString() => $"redis-server {EndPoint} in {DataDirectory}";

    private string[] Arguments() =>
    [
        "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
        "--dir", DataDirectory, "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        "--daemonize", "no",
    ];

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (process.HasExited)
                throw new RedisServerExitedException($"{this} exited with code {process.ExitCode}:\n{_log}");
            if (await IsReadyAsync(process.Id, timeout.Token)) return;
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{this} was not ready within {StartTimeout}:\n{_log}");
            }
        }
    }

    // Ready means: the server on our port is our process (not another test's that took the port
    // first) and it has finished loading its AOF.
    private async Task<bool> IsReadyAsync(int processId, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, ct);
            var stream = client.GetStream();
            // INFO (its default sections hold both fields) answers one bulk string: $<length>\r\n<text>\r\n.
            await stream.WriteAsync("INFO\r\n"u8.ToArray(), ct);
            var replies = new StringBuilder();
            var buffer = new byte[4096];
            while (!IsWholeBulkString(replies.ToString()))
            {
                var read = await stream.ReadAsync(buffer, ct);
                if (read == 0) return false;
                replies.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            var info = replies.ToString();
            return info.Contains($"\r\nprocess_id:{processId}\r\n", StringComparison.Ordinal)
                && info.Contains("\r\nloading:0\r\n", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsWholeBulkString(string reply)
    {
        var headerEnd = reply.IndexOf("\r\n", StringComparison.Ordinal);
        if (headerEnd < 0) return false;
        if (reply[0] != '$') return true;
        var length = int.Parse(reply.AsSpan(1, headerEnd - 1), System.Globalization.CultureInfo.InvariantCulture);
        return reply.Length >= headerEnd + 2 + length + 2;
    }

    private static string Executable() =>
        Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } path ? path : "redis-server";

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>redis-server ended while starting, typically because its port was taken.</summary>
public sealed class RedisServerExitedException(string message) : Exception(message);
