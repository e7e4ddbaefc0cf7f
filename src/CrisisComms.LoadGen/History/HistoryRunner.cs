using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CrisisComms.LoadGen.Clients;
using CrisisComms.LoadGen.Fanout;
using CrisisComms.LoadGen.Server;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisComms.LoadGen.History;

/// <summary>Runs <c>history</c>: the node with a long history and the node with none, figure by figure, in alternating pairs.</summary>
internal sealed class HistoryRunner(HistoryOptions options, TextWriter log)
{
    public const string Seeded = "history";
    public const string Empty = "empty";
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    private sealed class Node(string name, Uri server, OfficerApi author, OfficerApi approver, ClientSwarm swarm) : IAsyncDisposable
    {
        public string Name => name;
        public Uri Server => server;
        public OfficerApi Author => author;
        public OfficerApi Approver => approver;
        public ClientSwarm Swarm => swarm;
        public string? Standing { get; set; }

        public async ValueTask DisposeAsync()
        {
            await swarm.DisposeAsync();
            if (Standing is { } id) await approver.WithdrawAsync(id, CancellationToken.None);
            author.Dispose();
            approver.Dispose();
        }
    }

    public async Task<HistoryReport> RunAsync(CancellationToken ct)
    {
        await using var seeded = await OpenAsync(Seeded, options.Seeded, ct);
        await using var empty = await OpenAsync(Empty, options.Empty, ct);
        var samples = new List<HistorySample>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Node[] order = round % 2 == 1 ? [seeded, empty] : [empty, seeded];
            // Figure by figure, each pair back to back, so both nodes see the same minute of the machine.
            foreach (var node in order) samples.AddRange(await ApproveToIntranetAsync(round, node, ct));
            foreach (var node in order) samples.Add(await NotModifiedThroughputAsync(round, node, ct));
            foreach (var node in order) samples.AddRange(await JoinsAsync(round, node, ct));
            log.WriteLine(FormattableString.Invariant($"round {round}: ") + string.Join("; ", samples.Where(s => s.Round == round)
                .GroupBy(s => (s.Node, s.Figure)).Select(g => FormattableString.Invariant($"{g.Key.Node} {g.Key.Figure} {Stats.Median([.. g.Select(s => s.Value)]):0.0}"))));
        }
        return new HistoryReport(options.Rounds, samples);
    }

    private async Task<Node> OpenAsync(string name, Uri server, CancellationToken ct)
    {
        var author = await OfficerApi.SignInAsync(server, options.Author, options.Password, ct);
        var approver = await OfficerApi.SignInAsync(server, options.Approver, options.Password, ct);
        var swarm = new ClientSwarm(new SwarmSpec([server], [], author.Token, 0, options.Clients, IntranetShare: 1, RampPerSecond: 200), log);
        var node = new Node(name, server, author, approver, swarm);
        var connected = await swarm.ConnectAsync(HubKind.Crisis, options.Timeout, ct);
        if (connected.Failed > 0) throw new InvalidOperationException($"{name}: {connected.Failed} clients could not connect: {connected.FirstError}");
        // One notice up on both audiences for the whole run, so every snapshot has something in it.
        var standing = await author.DraftAndSubmitAsync("Lasttest, historik: stående meddelande", ct);
        await approver.ApproveAsync(standing, ct);
        await approver.ReleaseNextAsync(standing, ct);
        node.Standing = standing;
        await swarm.WaitAsync(standing, intranet: true, options.Timeout, ct);
        return node;
    }

    private async Task<List<HistorySample>> ApproveToIntranetAsync(int round, Node node, CancellationToken ct)
    {
        var samples = new List<HistorySample>();
        for (var k = 0; k < options.Publishes; k++)
        {
            var id = await node.Author.DraftAndSubmitAsync($"Lasttest, historik, omgång {round}, nr {k + 1}", ct);
            var sent = Stopwatch.GetTimestamp();
            await node.Approver.ApproveAsync(id, ct);
            var got = await node.Swarm.WaitAsync(id, intranet: true, options.Timeout, ct);
            if (got < options.Clients) throw new InvalidOperationException($"{node.Name}: only {got} of {options.Clients} clients showed notice {id}.");
            var last = (await node.Swarm.CollectAsync([id], ct)).Max(r => r.FirstSeen[0]);
            samples.Add(new HistorySample(round, node.Name, HistoryReport.ApproveToIntranet, (last - sent) / TicksPerMs));
            await node.Approver.WithdrawAsync(id, ct);
        }
        return samples;
    }

    private async Task<HistorySample> NotModifiedThroughputAsync(int round, Node node, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = node.Server, Timeout = TimeSpan.FromSeconds(30) };
        const string path = "/api/v1/banners?audience=public";
        using (var first = await http.GetAsync(path, ct))
        {
            var etag = first.Headers.ETag ?? throw new InvalidOperationException($"{node.Name}: no ETag on {path}.");
            http.DefaultRequestHeaders.IfNoneMatch.Add(etag);
        }
        long answered = 0, other = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < options.ThroughputFor)
            {
                using var response = await http.GetAsync(path, ct);
                Interlocked.Increment(ref response.StatusCode == HttpStatusCode.NotModified ? ref answered : ref other);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        if (other > 0) throw new InvalidOperationException($"{node.Name}: {other} revalidations were not answered 304.");
        return new HistorySample(round, node.Name, HistoryReport.NotModifiedPerSecond, answered / seconds);
    }

    private async Task<List<HistorySample>> JoinsAsync(int round, Node node, CancellationToken ct)
    {
        var samples = new List<HistorySample>();
        for (var j = 0; j < options.Joins; j++)
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // As the widget joins: negotiate, then WebSockets, the token for the intranet.
            await using var connection = new HubConnectionBuilder()
                .WithUrl(HubPaths.For(node.Server, HubKind.Crisis, intranet: true), HttpTransportType.WebSockets,
                    o => o.AccessTokenProvider = () => Task.FromResult<string?>(node.Author.Token))
                .AddJsonProtocol(o => o.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web))
                .Build();
            connection.On<SnapshotMessage>("banners", _ => first.TrySetResult());
            var started = Stopwatch.GetTimestamp();
            await connection.StartAsync(ct);
            await first.Task.WaitAsync(options.Timeout, ct);
            samples.Add(new HistorySample(round, node.Name, HistoryReport.FirstSnapshot, (Stopwatch.GetTimestamp() - started) / TicksPerMs));
        }
        return samples;
    }
}

internal sealed record HistorySample(int Round, string Node, string Figure, double Value);

/// <summary>Medians per node and figure over every sample of every round; the ratio is history ÷ empty (for throughput empty ÷ history, so above 1 is worse for all three).</summary>
internal sealed record HistoryReport(int Rounds, IReadOnlyList<HistorySample> Samples)
{
    public const string ApproveToIntranet = "approveToIntranetMs";
    public const string NotModifiedPerSecond = "notModifiedPerSecond";
    public const string FirstSnapshot = "firstSnapshotMs";
    public static readonly string[] Figures = [ApproveToIntranet, NotModifiedPerSecond, FirstSnapshot];

    public double Median(string node, string figure) =>
        Stats.Median([.. Samples.Where(s => s.Node == node && s.Figure == figure).Select(s => s.Value)]);

    public double Ratio(string figure) => figure == NotModifiedPerSecond
        ? Median(HistoryRunner.Empty, figure) / Median(HistoryRunner.Seeded, figure)
        : Median(HistoryRunner.Seeded, figure) / Median(HistoryRunner.Empty, figure);

    public void Write(TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine(string.Create(c, $"history: {Rounds} round(s) of alternating pairs; medians of every sample"));
        w.WriteLine(string.Create(c, $"{"",-14} {"approve → intranet ms",22} {"304 per second",15} {"first snapshot ms",18}"));
        foreach (var node in new[] { HistoryRunner.Seeded, HistoryRunner.Empty })
            w.WriteLine(string.Create(c, $"{(node == HistoryRunner.Seeded ? "with history" : "empty store"),-14} {Median(node, ApproveToIntranet),22:0.0} " +
                $"{Median(node, NotModifiedPerSecond),15:0} {Median(node, FirstSnapshot),18:0.0}"));
        w.WriteLine(string.Create(c, $"{"ratio",-14} {Ratio(ApproveToIntranet),22:0.00} {Ratio(NotModifiedPerSecond),15:0.00} {Ratio(FirstSnapshot),18:0.00}   history ÷ empty (throughput: empty ÷ history); target ≤ 1.2"));
    }

    public void WriteJson(string path)
    {
        var json = new
        {
            Rounds,
            history = Figures.ToDictionary(f => f, f => Median(HistoryRunner.Seeded, f)),
            empty = Figures.ToDictionary(f => f, f => Median(HistoryRunner.Empty, f)),
            ratio = Figures.ToDictionary(f => f, Ratio),
            Samples,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }
}
