using System.Diagnostics;

namespace CrisisComms.LoadGen.Storm;

/// <summary>The node a storm kills and restarts, on the same address.</summary>
internal interface INode
{
    Uri Server { get; }

    /// <summary>The server's process id while it runs, for RSS and CPU from /proc.</summary>
    int? ProcessId { get; }

    /// <summary>SIGKILL: no graceful shutdown, as in a crash or a pulled plug.</summary>
    Task KillAsync(CancellationToken ct);

    /// <summary>Starts the node and returns once it answers /health/live.</summary>
    Task StartAsync(CancellationToken ct);
}

/// <summary>A node this program starts itself, with a shell command (which should <c>exec</c> the server).</summary>
internal sealed class CommandNode(Uri server, string command) : INode, IAsyncDisposable
{
    private Process? _process;

    public Uri Server => server;

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public async Task KillAsync(CancellationToken ct)
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
        _process.Dispose();
        _process = null;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the node.");
        await WaitUntilLiveAsync(server, () => _process.HasExited ? $"the node's command exited with {_process.ExitCode}" : null, ct);
    }

    public static async Task WaitUntilLiveAsync(Uri server, Func<string?> failed, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (failed() is { } why) throw new InvalidOperationException(why);
            try
            {
                using var response = await http.GetAsync("/health/live", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(50, ct);
        }
        throw new TimeoutException($"{server} did not answer /health/live within 90 s.");
    }

    public async ValueTask DisposeAsync() => await KillAsync(CancellationToken.None);
}
