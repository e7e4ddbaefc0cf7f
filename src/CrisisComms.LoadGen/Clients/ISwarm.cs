using System.Net;

namespace CrisisComms.LoadGen.Clients;

/// <summary>
/// A share of the clients: those with global index <c>FirstIndex … FirstIndex+Count-1</c> of
/// <c>Total</c>. The index decides the server (round-robin), the source address and the audience,
/// so the same index is the same kind of client in every process and round. <c>Widget</c> clients
/// connect and reconnect as the widget does: negotiate first, then WebSockets, and after a drop the
/// widget's own backoff (<see cref="WidgetBackoff"/>), for ever; <c>BackoffScale</c> shrinks that
/// schedule for smoke runs only (1: the widget's).
/// </summary>
internal sealed record SwarmSpec(
    IReadOnlyList<Uri> Servers,
    IReadOnlyList<IPAddress> Sources,
    string? Token,
    int FirstIndex,
    int Count,
    double IntranetShare,
    double RampPerSecond,
    bool Widget = false,
    double BackoffScale = 1)
{
    /// <summary>Spreads intranet clients evenly: exactly round(N × share) of any N in a row.</summary>
    public static bool IsIntranet(int index, double share) => Math.Floor((index + 1) * share) > Math.Floor(index * share);
}

internal sealed record ConnectOutcome(int Connected, int Failed, int Intranet, int Public, int Greeted, string? FirstError)
{
    public static ConnectOutcome Sum(IEnumerable<ConnectOutcome> all) => all.Aggregate(new ConnectOutcome(0, 0, 0, 0, 0, null), (a, b) =>
        new ConnectOutcome(a.Connected + b.Connected, a.Failed + b.Failed, a.Intranet + b.Intranet, a.Public + b.Public,
            a.Greeted + b.Greeted, a.FirstError ?? b.FirstError));
}

/// <summary>
/// What one client saw: for each notice asked about, the <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp of the first snapshot that showed it (0: never). Timestamps are CLOCK_MONOTONIC on
/// Linux, so they compare across the processes of one machine.
/// </summary>
internal sealed record ClientRecord(int Index, bool Intranet, bool Open, bool RevisionsInOrder, long[] FirstSeen);

/// <summary>Clients in this process (<see cref="ClientSwarm"/>) or in a worker process (<see cref="RemoteSwarm"/>).</summary>
internal interface ISwarm : IAsyncDisposable
{
    /// <summary>Opens the connections at the ramp rate and waits until each has its first snapshot.</summary>
    Task<ConnectOutcome> ConnectAsync(HubKind hub, TimeSpan timeout, CancellationToken ct);

    /// <summary>Waits until every open client of the audience has seen the banner; returns how many have.</summary>
    Task<int> WaitAsync(string id, bool intranet, TimeSpan timeout, CancellationToken ct);

    Task<IReadOnlyList<ClientRecord>> CollectAsync(IReadOnlyList<string> ids, CancellationToken ct);

    Task DisconnectAsync(CancellationToken ct);

    /// <summary>From <paramref name="since"/> (a Stopwatch timestamp) on, note when each client first holds a snapshot again.</summary>
    Task ArmAsync(long since, CancellationToken ct);

    /// <summary>How many clients hold a snapshot received since the arming, and how many connections closed for good (the widget then starts anew).</summary>
    Task<(int Held, int Closed)> CountAsync(CancellationToken ct);

    /// <summary>Each client's timestamp of its first snapshot since the arming (0: none yet).</summary>
    Task<long[]> HeldAtAsync(CancellationToken ct);
}
