using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CrisisComms.Testing.Server;

/// <summary>
/// The real service as its own process on a loopback port, on a data folder of its own. Being a
/// real process it can be killed without warning (SIGKILL) and started again on the same data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StringBuilder _log = new();
    private readonly string? _publishedDll;
    private Process? _process;

    private ServerProcess(string dataFolder, int port, Dictionary<string, string?> settings, string? publishedDll = null)
    {
        DataFolder = dataFolder;
        _publishedDll = publishedDll;
        Port = port;
        _settings = settings;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string DataFolder { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote, for assertions on logs and for failure messages.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<ServerProcess> StartAsync(IDictionary<string, string?>? settings = null, string? dataFolder = null, int? port = null)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("crisiscomms-test-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["CrisisComms__Storage__SqlitePath"] = Path.Combine(dataFolder, "crisiscomms.db"),
            ["CrisisComms__Dispatch__SweepInterval"] = "00:00:00.250",
            ["CrisisComms__Auth__SignInsPerMinute"] = "1000",
            // The second factor has tests of its own (they set it to true); every other test signs in with a password.
            ["CrisisComms__Auth__RequireSecondFactor"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key.Replace(":", "__")] = value;
        var server = new ServerProcess(dataFolder, port ?? FreePort(), all);
        await server.StartAsync();
        return server;
    }

    /// <summary>
    /// A published copy (<c>dotnet publish</c> output) started the way a service manager starts it:
    /// from <paramref name="workingDirectory"/>, with no --contentRoot and the default data path.
    /// </summary>
    public static async Task<ServerProcess> StartPublishedAsync(string publishFolder, string workingDirectory, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["CrisisComms__Auth__RequireSecondFactor"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key.Replace(":", "__")] = value;
        var server = new ServerProcess(workingDirectory, FreePort(), all, Path.Combine(publishFolder, "CrisisComms.Server.dll"));
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _process = Launch([], redirectInput: false);
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // The output is read asynchronously: wait for its end, or the reason it stopped may be missing.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not start within a minute:\n{Log}");
    }

    /// <summary>SIGKILL: no graceful shutdown, no flushing, as in a crash or a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Adds a local account through the real command line, the password on standard input.</summary>
    public async Task AddAccountAsync(string name, string password, params string[] roles)
    {
        var args = new List<string> { "users", "add", name };
        foreach (var role in roles) args.AddRange(["--role", role]);
        using var process = Launch(args, redirectInput: true);
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0) throw new InvalidOperationException($"users add {name} failed ({process.ExitCode}):\n{Log}");
    }

    /// <summary>Runs a command of the server (such as <c>users …</c>) on its store: exit code and everything it wrote.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(string? input, params string[] args)
    {
        var output = new StringBuilder();
        using var process = Launch(args, redirectInput: true, output);
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        lock (output) return (process.ExitCode, output.ToString());
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Process Launch(IEnumerable<string> args, bool redirectInput, StringBuilder? output = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        if (_publishedDll is not null) start.ArgumentList.Add(_publishedDll);
        else
        {
            start.ArgumentList.Add(ServerBuild.Dll);
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(ServerBuild.ProjectFolder);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The address goes the way an operator's container gives it, so every test also shows
        // that nothing in appsettings.json outranks ASPNETCORE_URLS.
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        foreach (var (key, value) in _settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => Append(e.Data, output);
        process.ErrorDataReceived += (_, e) => Append(e.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line, StringBuilder? output)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (output is not null) lock (output) output.AppendLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
