using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisComms.LoadGen.Clients;

/// <summary>Real SignalR .NET clients in this process, each recording when it first saw each banner.</summary>
internal sealed class ClientSwarm(SwarmSpec spec, TextWriter log) : ISwarm
{
    private const int ConcurrentConnects = 256;
    private const int ConnectAttempts = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<Client> _clients = [];
    private ConcurrentDictionary<string, Counter> _counters = new();
    private readonly int[] _expected = new int[2];
    private int _greeted;
    private long _since;
    private int _held;
    private int _closed;
    private readonly Random _random = new(spec.FirstIndex + 1);

    public async Task<ConnectOutcome> ConnectAsync(HubKind hub, TimeSpan timeout, CancellationToken ct)
    {
        if (_clients.Count > 0) throw new InvalidOperationException("Disconnect first.");
        _counters = new ConcurrentDictionary<string, Counter>();
        _greeted = 0;
        Volatile.Write(ref _since, 0);
        string? firstError = null;
        using var slots = new SemaphoreSlim(ConcurrentConnects);
        var started = Stopwatch.StartNew();
        var connects = new List<Task<bool>>(spec.Count);
        for (var i = 0; i < spec.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / spec.RampPerSecond);
            if (due - started.Elapsed is { TotalMilliseconds: >= 1 } wait) await Task.Delay(wait, ct);
            await slots.WaitAsync(ct);
            var client = new Client(spec.FirstIndex + i, SwarmSpec.IsIntranet(spec.FirstIndex + i, spec.IntranetShare));
            _clients.Add(client);
            connects.Add(Task.Run(async () =>
            {
                try
                {
                    return await OpenAsync(client, hub, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstError, e.GetBaseException().Message, null);
                    return false;
                }
                finally
                {
                    slots.Release();
                }
            }, ct));
        }
        var opened = await Task.WhenAll(connects);
        var open = _clients.Where((_, i) => opened[i]).ToList();
        _expected[1] = open.Count(c => c.Intranet);
        _expected[0] = open.Count - _expected[1];

        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _greeted) < open.Count && deadline.Elapsed < timeout) await Task.Delay(20, ct);
        log.WriteLine($"  clients {spec.FirstIndex}…{spec.FirstIndex + spec.Count - 1}: {open.Count} open in {started.Elapsed.TotalSeconds:0.0} s");
        return new ConnectOutcome(open.Count, spec.Count - open.Count, _expected[1], _expected[0], Volatile.Read(ref _greeted), firstError);
    }

    public async Task<int> WaitAsync(string id, bool intranet, TimeSpan timeout, CancellationToken ct)
    {
        var counter = CounterFor(id, intranet);
        if (Volatile.Read(ref counter.Count) < counter.Expected)
        {
            try
            {
                await counter.Done.Task.WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
                // Reported by the count; the verification names the clients.
            }
        }
        return Volatile.Read(ref counter.Count);
    }

    public Task<IReadOnlyList<ClientRecord>> CollectAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        IReadOnlyList<ClientRecord> records = [.. _clients.Select(c =>
        {
            lock (c)
                return new ClientRecord(c.Index, c.Intranet, c.Open, c.RevisionsInOrder,
                    [.. ids.Select(id => c.FirstSeen.TryGetValue(id, out var at) ? at : 0L)]);
        })];
        return Task.FromResult(records);
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(ConcurrentConnects * 4);
        await Task.WhenAll(_clients.Select(async c =>
        {
            if (c.Connection is null) return;
            await slots.WaitAsync(ct);
            try
            {
                c.Open = false;
                c.Stopping = true;
                await c.Connection.DisposeAsync();
            }
            finally
            {
                slots.Release();
            }
        }));
        _clients.Clear();
    }

    public Task ArmAsync(long since, CancellationToken ct)
    {
        foreach (var c in _clients) lock (c) c.HeldAt = 0;
        Volatile.Write(ref _held, 0);
        Volatile.Write(ref _closed, 0);
        Volatile.Write(ref _since, since);
        return Task.CompletedTask;
    }

    public Task<(int Held, int Closed)> CountAsync(CancellationToken ct) =>
        Task.FromResult((Volatile.Read(ref _held), Volatile.Read(ref _closed)));

    public Task<long[]> HeldAtAsync(CancellationToken ct) =>
        Task.FromResult(_clients.Select(c => { lock (c) return c.HeldAt; }).ToArray());

    public ValueTask DisposeAsync() => new(DisconnectAsync(CancellationToken.None));

    private async Task<bool> OpenAsync(Client client, HubKind hub, CancellationToken ct)
    {
        var server = spec.Servers[client.Index % spec.Servers.Count];
        var source = spec.Sources.Count > 0 ? spec.Sources[client.Index % spec.Sources.Count] : null;
        var invoker = SourceAddresses.InvokerFor(source);
        var token = client.Intranet ? spec.Token : null;
        var builder = new HubConnectionBuilder()
            .WithUrl(HubPaths.For(server, hub, client.Intranet), HttpTransportType.WebSockets, o =>
            {
                // The widget negotiates first (the JavaScript client's default); a storm is then a negotiate storm too.
                o.SkipNegotiation = !spec.Widget;
                if (spec.Widget)
                {
                    o.HttpMessageHandlerFactory = _ => SourceAddresses.HandlerFor(source);
                    if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
                o.WebSocketFactory = async (context, cancel) =>
                {
                    var socket = new ClientWebSocket();
                    if (token is not null) socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                    await socket.ConnectAsync(context.Uri, invoker, cancel);
                    return socket;
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json);
        if (spec.Widget) builder.WithAutomaticReconnect(new WidgetBackoff(_random, spec.BackoffScale));
        var connection = builder.Build();
        // A busy two-core machine answers slowly: do not mistake that for a dead server.
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.On<SnapshotMessage>("banners", snapshot => Receive(client, snapshot));
        connection.Closed += error =>
        {
            client.Open = false;
            if (spec.Widget && !client.Stopping)
            {
                // feed.js onclose: automatic reconnect was bypassed, so start again on the same backoff.
                Interlocked.Increment(ref _closed);
                _ = RestartAsync(client, connection);
            }
            return Task.CompletedTask;
        };
        client.Connection = connection;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.StartAsync(ct);
                client.Open = true;
                return true;
            }
            catch (Exception) when (attempt < ConnectAttempts && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    private async Task RestartAsync(Client client, HubConnection connection)
    {
        for (var attempt = 0; !client.Stopping; attempt++)
        {
            double r;
            lock (_random) r = _random.NextDouble();
            await Task.Delay(WidgetBackoff.Delay(attempt, r, spec.BackoffScale));
            if (client.Stopping) return;
            try
            {
                await connection.StartAsync();
                client.Open = true;
                return;
            }
            catch (Exception) when (!client.Stopping)
            {
                // Down still: the next attempt waits longer, as the widget's does.
            }
        }
    }

    private void Receive(Client client, SnapshotMessage snapshot)
    {
        var at = Stopwatch.GetTimestamp();
        var since = Volatile.Read(ref _since);
        List<string>? seen = null;
        bool first;
        lock (client)
        {
            first = client.Received++ == 0;
            if (snapshot.Revision < client.LastRevision) client.RevisionsInOrder = false;
            client.LastRevision = snapshot.Revision;
            if (since != 0 && at >= since && client.HeldAt == 0)
            {
                client.HeldAt = at;
                Interlocked.Increment(ref _held);
            }
            foreach (var banner in snapshot.Banners)
                if (client.FirstSeen.TryAdd(banner.Id, at)) (seen ??= []).Add(banner.Id);
        }
        if (first) Interlocked.Increment(ref _greeted);
        if (seen is null) return;
        foreach (var id in seen)
        {
            var counter = CounterFor(id, client.Intranet);
            if (Interlocked.Increment(ref counter.Count) == counter.Expected) counter.Done.TrySetResult();
        }
    }

    private Counter CounterFor(string id, bool intranet) =>
        _counters.GetOrAdd((intranet ? "i:" : "p:") + id, static (_, expected) => new Counter(expected), _expected[intranet ? 1 : 0]);

    private sealed class Counter(int expected)
    {
        public readonly int Expected = expected;
        public int Count;
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Client(int index, bool intranet)
    {
        public int Index { get; } = index;
        public bool Intranet { get; } = intranet;
        public HubConnection? Connection { get; set; }
        public volatile bool Open;
        public volatile bool Stopping;
        public long HeldAt;
        public int Received;
        public long LastRevision = -1;
        public bool RevisionsInOrder = true;
        public readonly Dictionary<string, long> FirstSeen = [];
    }
}
