using System.Diagnostics;
using CrisisComms.LoadGen.Clients;
using CrisisComms.LoadGen.Fanout;
using CrisisComms.LoadGen.Server;

namespace CrisisComms.LoadGen.Storm;

/// <summary>
/// Runs <c>storm</c>: per round and hub, N widget-like clients connected, the node killed and
/// restarted, and the time from the kill until each client holds a snapshot from the restarted node.
/// </summary>
internal sealed class StormRunner(StormOptions options, TextWriter log)
{
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    public async Task<StormReport> RunAsync(CancellationToken ct)
    {
        var officer = await OfficerApi.SignInAsync(options.Node.Server, options.Officer, options.OfficerPassword, ct);
        try
        {
            var swarms = Swarms.Start(new SwarmSpec([options.Node.Server], options.Sources, officer.Token, 0, options.Connections,
                options.IntranetShare, options.RampPerSecond, Widget: true, options.BackoffScale), options.Processes, log);
            var results = new List<StormResult>();
            try
            {
                for (var round = 1; round <= options.Rounds; round++)
                {
                    // Whichever goes second finds a node that has restarted once more: alternate the order.
                    HubKind[] order = round % 2 == 0 ? [HubKind.Bare, HubKind.Crisis] : [HubKind.Crisis, HubKind.Bare];
                    foreach (var hub in order) results.Add(Logged(await StormAsync(round, hub, swarms, officer, ct)));
                }
            }
            finally
            {
                foreach (var swarm in swarms) await swarm.DisposeAsync();
            }
            return new StormReport(options.Connections, options.Rounds, results);
        }
        finally
        {
            officer.Dispose();
        }
    }

    private async Task<StormResult> StormAsync(int round, HubKind hub, List<ISwarm> swarms, OfficerApi officer, CancellationToken ct)
    {
        var name = hub == HubKind.Crisis ? "crisis" : "bare";
        log.WriteLine($"round {round}, {name}: connecting {options.Connections} clients at {options.RampPerSecond}/s");
        var connectTimeout = TimeSpan.FromSeconds(options.Connections / options.RampPerSecond) + options.Timeout;
        var connected = ConnectOutcome.Sum(await Task.WhenAll(swarms.Select(s => s.ConnectAsync(hub, connectTimeout, ct))));
        if (connected.FirstError is { } error) log.WriteLine($"  {connected.Failed} connections failed, e.g.: {error}");
        try
        {
            await Task.Delay(options.Settle, ct);
            var killAt = Stopwatch.GetTimestamp();
            await Task.WhenAll(swarms.Select(s => s.ArmAsync(killAt, ct)));
            await options.Node.KillAsync(ct);
            await options.Node.StartAsync(ct);
            var readyAt = Stopwatch.GetTimestamp();

            // The officers' console while every page comes back at once: one request at a time, as fast as answered.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var api = OfficerLoopAsync(officer, stop.Token);
            var deadline = killAt + (long)(options.Timeout.TotalMilliseconds * TicksPerMs);
            int held = 0, closed = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var counts = await Task.WhenAll(swarms.Select(s => s.CountAsync(ct)));
                (held, closed) = (counts.Sum(c => c.Held), counts.Sum(c => c.Closed));
                if (held >= connected.Connected) break;
                await Task.Delay(100, ct);
            }
            await stop.CancelAsync();
            var (latencies, errors) = await api;
            var heldAt = (await Task.WhenAll(swarms.Select(s => s.HeldAtAsync(ct)))).SelectMany(a => a).Where(t => t != 0)
                .Select(t => (t - killAt) / TicksPerMs).Order().ToArray();
            return new StormResult(round, name, connected.Connected, connected.Failed, (readyAt - killAt) / TicksPerMs,
                At(heldAt, connected.Connected, 0.5), At(heldAt, connected.Connected, 0.99), At(heldAt, connected.Connected, 1.0),
                connected.Connected - heldAt.Length, closed, latencies.Length, errors,
                Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99));
        }
        finally
        {
            await Task.WhenAll(swarms.Select(s => s.DisconnectAsync(ct)));
        }
    }

    /// <summary>Milliseconds from the kill until <paramref name="share"/> of <paramref name="total"/> held a snapshot; null when they never did.</summary>
    private static double? At(double[] sorted, int total, double share)
    {
        var rank = (int)Math.Ceiling(share * total);
        return rank == 0 ? 0 : rank <= sorted.Length ? sorted[rank - 1] : null;
    }

    private static async Task<(double[] Ms, int Errors)> OfficerLoopAsync(OfficerApi officer, CancellationToken ct)
    {
        var ms = new List<double>();
        var errors = 0;
        // At least one request, not cancelled, even when every client is back before it is answered.
        do
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (!await officer.ListNoticesAsync(ms.Count == 0 ? CancellationToken.None : ct)) errors++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            ms.Add((Stopwatch.GetTimestamp() - started) / TicksPerMs);
        }
        while (!ct.IsCancellationRequested);
        return ([.. ms], errors);
    }

    private StormResult Logged(StormResult r)
    {
        log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  {r.Hub,-6} round {r.Round}: {r.Connected} clients; node back in {r.RestartMs:0} ms; held again after {Ms(r.P50Ms)} / {Ms(r.P99Ms)} / {Ms(r.AllMs)} ms (50/99/100 %); {r.NotHeld} never; officer API {r.ApiRequests} requests, p99 {r.ApiP99Ms:0} ms, {r.ApiErrors} errors"));
        return r;
    }

    internal static string Ms(double? v) => v is { } x ? x.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "never";
}

/// <summary>One storm on one hub. Times are milliseconds from the kill; null: that share never held a snapshot in time.</summary>
internal sealed record StormResult(
    int Round, string Hub, int Connected, int FailedConnections, double RestartMs, double? P50Ms, double? P99Ms, double? AllMs,
    int NotHeld, int Closed, int ApiRequests, int ApiErrors, double ApiP50Ms, double ApiP99Ms);

/// <summary>Every storm of a run; figures are medians over the rounds.</summary>
internal sealed record StormReport(int Connections, int Rounds, IReadOnlyList<StormResult> Results)
{
    public bool Ok => Results.All(r => r.FailedConnections == 0 && r.NotHeld == 0);

    public double? Median(string hub, Func<StormResult, double?> figure) =>
        Results.Where(r => r.Hub == hub).Select(figure).ToArray() is { Length: > 0 } all && all.All(v => v is not null)
            ? Stats.Median([.. all.Select(v => v!.Value)]) : null;

    public double? Ratio(Func<StormResult, double?> figure) =>
        Median("crisis", figure) is { } c && Median("bare", figure) is { } b && b > 0 ? c / b : null;
}
