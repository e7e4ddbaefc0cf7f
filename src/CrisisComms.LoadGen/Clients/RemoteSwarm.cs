using System.Diagnostics;
using System.Globalization;

namespace CrisisComms.LoadGen.Clients;

/// <summary>A share of the clients in a worker process of this same program (see <see cref="Worker"/>).</summary>
internal sealed class RemoteSwarm : ISwarm
{
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RemoteSwarm(Process process) => _process = process;

    public static RemoteSwarm Start(SwarmSpec spec, TextWriter log)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell where this program is.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as "dotnet CrisisComms.LoadGen.dll": the worker is the same dll.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(RemoteSwarm).Assembly.Location);
        start.ArgumentList.Add("worker");
        void Add(string name, string value) { start.ArgumentList.Add("--" + name); start.ArgumentList.Add(value); }
        Add("server", string.Join(',', spec.Servers));
        if (spec.Sources.Count > 0) Add("sources", string.Join(',', spec.Sources));
        Add("first", spec.FirstIndex.ToString(CultureInfo.InvariantCulture));
        Add("count", spec.Count.ToString(CultureInfo.InvariantCulture));
        Add("intranet-share", spec.IntranetShare.ToString(CultureInfo.InvariantCulture));
        Add("ramp", spec.RampPerSecond.ToString(CultureInfo.InvariantCulture));
        if (spec.Widget) start.ArgumentList.Add("--widget");
        Add("backoff-scale", spec.BackoffScale.ToString(CultureInfo.InvariantCulture));
        if (spec.Token is not null) start.Environment[Worker.TokenVariable] = spec.Token;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker process.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginErrorReadLine();
        return new RemoteSwarm(process);
    }

    public async Task<ConnectOutcome> ConnectAsync(HubKind hub, TimeSpan timeout, CancellationToken ct)
    {
        var reply = await AskAsync(FormattableString.Invariant($"connect {hub} {timeout.TotalMilliseconds:0}"), ct);
        var p = reply.Split(' ', 7);
        return new ConnectOutcome(Int(p[1]), Int(p[2]), Int(p[3]), Int(p[4]), Int(p[5]), p.Length > 6 && p[6].Length > 0 ? p[6] : null);
    }

    public async Task<int> WaitAsync(string id, bool intranet, TimeSpan timeout, CancellationToken ct) =>
        Int((await AskAsync(FormattableString.Invariant($"wait {(intranet ? "intranet" : "public")} {id} {timeout.TotalMilliseconds:0}"), ct)).Split(' ')[1]);

    public async Task<IReadOnlyList<ClientRecord>> CollectAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await _process.StandardInput.WriteLineAsync("collect " + string.Join(',', ids));
            await _process.StandardInput.FlushAsync(ct);
            var records = new List<ClientRecord>();
            while (await ReadLineAsync(ct) is var line && line != "end")
            {
                var p = line.Split(' ');
                records.Add(new ClientRecord(Int(p[1]), p[2] == "i", p[3] == "1", p[4] == "1",
                    [.. p.Skip(5).Select(s => long.Parse(s, CultureInfo.InvariantCulture))]));
            }
            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task DisconnectAsync(CancellationToken ct) => AskAsync("disconnect", ct);

    public Task ArmAsync(long since, CancellationToken ct) => AskAsync(FormattableString.Invariant($"arm {since}"), ct);

    public async Task<(int Held, int Closed)> CountAsync(CancellationToken ct)
    {
        var p = (await AskAsync("count", ct)).Split(' ');
        return (Int(p[1]), Int(p[2]));
    }

    public async Task<long[]> HeldAtAsync(CancellationToken ct) =>
        [.. (await AskAsync("held", ct)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private async Task<string> AskAsync(string command, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync(ct);
            return await ReadLineAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct) =>
        await _process.StandardOutput.ReadLineAsync(ct)
            ?? throw new InvalidOperationException($"A worker process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
