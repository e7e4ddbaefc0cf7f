using System.Diagnostics;
using CrisisComms.LoadGen.Clients;
using CrisisComms.LoadGen.Server;

namespace CrisisComms.LoadGen.Fanout;

/// <summary>
/// Runs <c>fanout</c>: per round, N clients on the banner hub and K notices published through the
/// officer API, then (with a baseline) the same N clients on the bare hub and K broadcasts of the
/// same sizes to the same audiences, in the same server process.
/// </summary>
internal sealed class FanoutRunner(FanoutOptions options, TextWriter log)
{
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;
    private readonly string _run = DateTimeOffset.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<FanoutReport> RunAsync(CancellationToken ct)
    {
        using var author = await OfficerApi.SignInAsync(options.Servers[0], options.Author, options.AuthorPassword, ct);
        using var approver = await OfficerApi.SignInAsync(options.Servers[0], options.Approver, options.ApproverPassword, ct);
        var apis = options.Servers.Select(s => new BenchmarkApi(s)).ToList();
        try
        {
            var enabled = await apis[0].IsEnabledAsync(ct);
            if (options.Baseline != BaselineHub.None && !enabled)
                throw new InvalidOperationException("The baseline needs the server started with CrisisComms:Benchmarks:Enabled=true.");
            var probes = apis.Select((api, i) => new ServerProbe(enabled ? api : null, i < options.ServerPids.Count ? options.ServerPids[i] : null)).ToList();
            var swarms = StartSwarms(author.Token);
            try
            {
                var results = new List<RoundResult>();
                List<(int Intranet, int Public)>? sizes = null;
                for (var round = 1; round <= options.Rounds; round++)
                {
                    // Whichever goes second finds a warmer process (JIT, thread pool, memory pools), so even
                    // rounds go baseline first, with the previous round's sizes (each round publishes the same notices).
                    var baselineFirst = options.Baseline != BaselineHub.None && round % 2 == 0 && sizes is not null;
                    if (baselineFirst) results.Add(Logged(await BaselineRoundAsync(round, swarms, probes, apis, sizes!, ct)));
                    (var crisis, sizes) = await CrisisRoundAsync(round, swarms, probes, author, approver, ct);
                    results.Add(Logged(crisis));
                    if (options.Baseline != BaselineHub.None && !baselineFirst)
                        results.Add(Logged(await BaselineRoundAsync(round, swarms, probes, apis, sizes, ct)));
                }
                var intranet = Enumerable.Range(0, options.Connections).Count(i => SwarmSpec.IsIntranet(i, options.IntranetShare));
                return new FanoutReport(options.Connections, intranet, options.Connections - intranet, options.Servers.Count,
                    options.Publishes, options.Rounds, options.Baseline == BaselineHub.None ? null : HubName(options.Baseline), results);
            }
            finally
            {
                foreach (var swarm in swarms) await swarm.DisposeAsync();
            }
        }
        finally
        {
            foreach (var api in apis) api.Dispose();
        }
    }

    private List<ISwarm> StartSwarms(string token) =>
        Swarms.Start(new SwarmSpec(options.Servers, options.Sources, token, 0, options.Connections, options.IntranetShare, options.RampPerSecond),
            options.Processes, log);

    private async Task<(RoundResult, List<(int Intranet, int Public)>)> CrisisRoundAsync(
        int round, List<ISwarm> swarms, List<ServerProbe> probes, OfficerApi author, OfficerApi approver, CancellationToken ct)
    {
        var sizes = new List<(int, int)>();
        var ids = new List<string>();
        try
        {
            var result = await RoundAsync(round, "crisis", HubKind.Crisis, swarms, probes, ids, async (k, phases, sent) =>
            {
                var id = await author.DraftAndSubmitAsync($"Lasttest {_run}, omgång {round}, nr {k + 1}", ct);
                ids.Add(id);
                sent.Approve = Stopwatch.GetTimestamp();
                await approver.ApproveAsync(id, ct);
                sent.Approved = Stopwatch.GetTimestamp();
                var intranet = await WaitAsync(swarms, id, intranet: true, ct);
                var intranetBytes = await approver.SnapshotBytesAsync(intranet: true, ct);
                sent.Release = Stopwatch.GetTimestamp();
                await approver.ReleaseNextAsync(id, ct);
                sent.Released = Stopwatch.GetTimestamp();
                var publicCount = await WaitAsync(swarms, id, intranet: false, ct);
                var publicBytes = await approver.SnapshotBytesAsync(intranet: false, ct);
                sizes.Add((intranetBytes, publicBytes));
                phases.Add((intranetBytes, intranet, publicBytes, publicCount));
            }, ct);
            return (result, sizes);
        }
        finally
        {
            // After the clients are gone, so the next round starts from the same snapshot and nobody is sent the withdrawal.
            if (options.Cleanup) foreach (var id in ids) await approver.WithdrawAsync(id, ct);
        }
    }

    private Task<RoundResult> BaselineRoundAsync(
        int round, List<ISwarm> swarms, List<ServerProbe> probes, List<BenchmarkApi> apis, List<(int Intranet, int Public)> sizes, CancellationToken ct)
    {
        var hub = HubName(options.Baseline);
        var ids = new List<string>();
        return RoundAsync(round, hub, options.Baseline == BaselineHub.Backplane ? HubKind.Backplane : HubKind.Bare, swarms, probes, ids,
            async (k, phases, sent) =>
            {
                ids.Add($"baseline-{_run}-{round}-{k + 1}");
                // In memory, each node fans out to its own clients; on a backplane the first node sends to all.
                var senders = options.Baseline == BaselineHub.Backplane ? apis.Take(1) : apis;
                sent.Approve = Stopwatch.GetTimestamp();
                await Task.WhenAll(senders.Select(a => a.BroadcastAsync(hub, intranet: true, sizes[k].Intranet, ids, ct)));
                sent.Approved = Stopwatch.GetTimestamp();
                var intranet = await WaitAsync(swarms, ids[k], intranet: true, ct);
                sent.Release = Stopwatch.GetTimestamp();
                await Task.WhenAll(senders.Select(a => a.BroadcastAsync(hub, intranet: false, sizes[k].Public, ids, ct)));
                sent.Released = Stopwatch.GetTimestamp();
                var publicCount = await WaitAsync(swarms, ids[k], intranet: false, ct);
                phases.Add((sizes[k].Intranet, intranet, sizes[k].Public, publicCount));
            }, ct);
    }

    /// <summary>When the approve (or first broadcast) and release-next (or second) were sent, and when they answered.</summary>
    private sealed class SentAt
    {
        public long Approve;
        public long Approved;
        public long Release;
        public long Released;
    }

    private async Task<RoundResult> RoundAsync(
        int round, string hubName, HubKind hub, List<ISwarm> swarms, List<ServerProbe> probes, List<string> ids,
        Func<int, List<(int, int, int, int)>, SentAt, Task> publish, CancellationToken ct)
    {
        log.WriteLine($"round {round}, {hubName}: connecting {options.Connections} clients at {options.RampPerSecond}/s");
        var idle = await SampleAsync(probes, collect: true, ct);
        var started = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(options.Connections / options.RampPerSecond) + options.DeliveryTimeout;
        var connected = ConnectOutcome.Sum(await Task.WhenAll(swarms.Select(s => s.ConnectAsync(hub, timeout, ct))));
        var connectSeconds = started.Elapsed.TotalSeconds;
        if (connected.FirstError is { } error) log.WriteLine($"  {connected.Failed} connections failed, e.g.: {error}");
        await Task.Delay(options.Settle, ct);
        var loaded = await SampleAsync(probes, collect: true, ct);
        var before = await SampleAsync(probes, collect: false, ct);

        var phases = new List<(int, int, int, int)>();
        var sent = new List<SentAt>();
        try
        {
            for (var k = 0; k < options.Publishes; k++)
            {
                var at = new SentAt();
                sent.Add(at);
                await publish(k, phases, at);
                await Task.Delay(options.Gap, ct);
            }
            var after = await SampleAsync(probes, collect: false, ct);
            var records = (await Task.WhenAll(swarms.Select(s => s.CollectAsync(ids, ct)))).SelectMany(r => r).ToList();
            var use = new ServerUse(
                PerConnection(idle.Rss, loaded.Rss, connected.Connected),
                PerConnection(idle.Heap, loaded.Heap, connected.Connected),
                loaded.Cpu - idle.Cpu,
                after.Cpu - before.Cpu,
                idle.Rss,
                loaded.Rss,
                after.Gen1 - before.Gen1,
                after.Gen2 - before.Gen2,
                after.Pause - before.Pause);
            return Measure(round, hubName, connected, connectSeconds, records, sent, phases, use);
        }
        finally
        {
            await Task.WhenAll(swarms.Select(s => s.DisconnectAsync(ct)));
        }
    }

    private RoundResult Measure(
        int round, string hub, ConnectOutcome connected, double connectSeconds, List<ClientRecord> records,
        List<SentAt> sent, List<(int IntranetBytes, int Intranet, int PublicBytes, int Public)> phases, ServerUse use)
    {
        var intranetLatencies = new List<double>();
        var publicLatencies = new List<double>();
        var last = new double[sent.Count, 2];
        int missing = 0, outOfOrder = 0, intranetLate = 0, publicEarly = 0, dropped = 0;
        var examples = new List<string>();
        void Note(string what) { if (examples.Count < 5) examples.Add(what); }
        if (connected.Failed > 0) Note($"{connected.Failed} connections failed: {connected.FirstError}");
        if (connected.Greeted < connected.Connected) Note($"{connected.Connected - connected.Greeted} clients never got their first snapshot");

        foreach (var client in records)
        {
            if (!client.Open) { dropped++; Note($"client {client.Index} was disconnected"); }
            var inOrder = client.RevisionsInOrder;
            for (var k = 0; k < sent.Count; k++)
            {
                var seen = client.FirstSeen[k];
                if (seen == 0)
                {
                    missing++;
                    Note($"client {client.Index} ({Audience(client.Intranet)}) never got notice {k + 1}");
                    continue;
                }
                if (k > 0 && (client.FirstSeen[k - 1] == 0 || client.FirstSeen[k - 1] > seen)) inOrder = false;
                var from = client.Intranet ? sent[k].Approve : sent[k].Release;
                var ms = (seen - from) / TicksPerMs;
                if (client.Intranet && seen > sent[k].Release)
                {
                    intranetLate++;
                    Note($"intranet client {client.Index} got notice {k + 1} only after its public release");
                }
                if (seen < from)
                {
                    publicEarly += client.Intranet ? 0 : 1;
                    Note($"{Audience(client.Intranet)} client {client.Index} had notice {k + 1} before it was sent");
                }
                (client.Intranet ? intranetLatencies : publicLatencies).Add(ms);
                var slot = client.Intranet ? 0 : 1;
                last[k, slot] = Math.Max(last[k, slot], ms);
            }
            if (!inOrder) { outOfOrder++; Note($"client {client.Index} got the notices out of publish order"); }
        }
        var results = new List<PhaseResult>();
        for (var k = 0; k < phases.Count; k++)
        {
            var p = phases[k];
            var approveMs = (sent[k].Approved - sent[k].Approve) / TicksPerMs;
            var releaseMs = (sent[k].Released - sent[k].Release) / TicksPerMs;
            if (connected.Intranet > 0) results.Add(new PhaseResult(k + 1, true, p.IntranetBytes, p.Intranet, connected.Intranet, last[k, 0], approveMs));
            if (connected.Public > 0) results.Add(new PhaseResult(k + 1, false, p.PublicBytes, p.Public, connected.Public, last[k, 1], releaseMs));
        }
        var verification = new Verification(records.Count, connected.Failed, missing, outOfOrder, intranetLate, publicEarly, dropped, examples);
        return new RoundResult(round, hub, connected.Connected, connectSeconds, results,
            [.. intranetLatencies], [.. publicLatencies], verification, use);
    }

    private async Task<int> WaitAsync(List<ISwarm> swarms, string id, bool intranet, CancellationToken ct) =>
        (await Task.WhenAll(swarms.Select(s => s.WaitAsync(id, intranet, options.DeliveryTimeout, ct)))).Sum();

    private static async Task<(long? Rss, long? Heap, double? Cpu, int? Gen1, int? Gen2, double? Pause)> SampleAsync(
        List<ServerProbe> probes, bool collect, CancellationToken ct)
    {
        var samples = await Task.WhenAll(probes.Select(p => p.SampleAsync(collect, ct)));
        return (Sum(samples.Select(s => s.RssBytes)), Sum(samples.Select(s => s.ManagedHeapBytes)), Sum(samples.Select(s => s.CpuSeconds)),
            Sum(samples.Select(s => s.Gen1Collections)), Sum(samples.Select(s => s.Gen2Collections)), Sum(samples.Select(s => s.GcPauseMs)));
    }

    private static int? Sum(IEnumerable<int?> values) => values.Any(v => v is null) ? null : values.Sum();

    private static long? Sum(IEnumerable<long?> values) => values.Any(v => v is null) ? null : values.Sum();

    private static double? Sum(IEnumerable<double?> values) => values.Any(v => v is null) ? null : values.Sum();

    private static double? PerConnection(long? idle, long? loaded, int connections) =>
        idle is { } a && loaded is { } b && connections > 0 ? (b - a) / 1024.0 / connections : null;

    private static string Audience(bool intranet) => intranet ? "intranet" : "public";

    public static string HubName(BaselineHub hub) => hub == BaselineHub.Backplane ? "backplane" : "bare";

    private RoundResult Logged(RoundResult r)
    {
        log.WriteLine(Describe(r));
        return r;
    }

    private static string Describe(RoundResult r)
    {
        string Last(bool intranet) => string.Join(" ", r.Phases.Where(p => p.Intranet == intranet).Select(p => $"{p.LastClientMs:0}/{p.RequestMs:0}"));
        return $"  {r.Hub,-9} round {r.Round}: {r.Connected} clients in {r.ConnectSeconds:0.0} s; last client/answer ms, intranet [{Last(true)}], " +
               $"public [{Last(false)}]; {r.Verification.ToString().Split(':')[0]}";
    }
}
