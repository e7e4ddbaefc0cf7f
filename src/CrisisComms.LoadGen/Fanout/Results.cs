namespace CrisisComms.LoadGen.Fanout;

/// <summary>
/// One publish's fan-out to one audience: from sending the request to the last client that got it,
/// and to the request's answer (the server answers once the message is queued to every client).
/// </summary>
internal sealed record PhaseResult(int Publish, bool Intranet, int PayloadBytes, int Delivered, int Expected, double LastClientMs, double RequestMs);

/// <summary>Whether every client got every notice, in order, and each audience when it should.</summary>
internal sealed record Verification(
    int Clients, int FailedConnections, int Missing, int OutOfOrder, int IntranetAfterRelease, int PublicBeforeRelease,
    int Dropped, IReadOnlyList<string> Examples)
{
    public bool Ok => FailedConnections == 0 && Missing == 0 && OutOfOrder == 0 && IntranetAfterRelease == 0
        && PublicBeforeRelease == 0 && Dropped == 0;

    public override string ToString() => Ok
        ? $"OK: all {Clients} clients got every notice, in publish order, intranet before the public release"
        : $"FAILED: {FailedConnections} connections failed, {Missing} deliveries missing, {OutOfOrder} clients out of order, " +
          $"{IntranetAfterRelease} intranet deliveries after the public release, {PublicBeforeRelease} public deliveries before it, " +
          $"{Dropped} connections dropped. {string.Join("; ", Examples)}";
}

/// <summary>
/// Memory per connection (the increase over the idle server, after a full GC), CPU used, and the
/// garbage collections (gen1, gen2 counts; pause time) while publishing.
/// </summary>
internal sealed record ServerUse(double? RssKbPerConnection, double? HeapKbPerConnection, double? CpuSecondsConnecting,
    double? CpuSecondsPublishing, long? RssBytesIdle, long? RssBytesConnected,
    int? Gen1Publishing, int? Gen2Publishing, double? GcPauseMsPublishing);

/// <summary>One round on one hub: N clients connected, K publishes, the figures.</summary>
internal sealed record RoundResult(
    int Round, string Hub, int Connected, double ConnectSeconds, IReadOnlyList<PhaseResult> Phases,
    double[] IntranetLatenciesMs, double[] PublicLatenciesMs, Verification Verification, ServerUse Server);

/// <summary>Everything a run measured; medians pool the publishes of every round.</summary>
internal sealed record FanoutReport(
    int Connections, int Intranet, int Public, int Servers, int Publishes, int Rounds, string? BaselineHub,
    IReadOnlyList<RoundResult> Results)
{
    public IEnumerable<RoundResult> Of(string hub) => Results.Where(r => r.Hub == hub);

    public bool Ok => Results.All(r => r.Verification.Ok);

    public double MedianLastClient(string hub, bool intranet) =>
        Stats.Median([.. Of(hub).SelectMany(r => r.Phases).Where(p => p.Intranet == intranet).Select(p => p.LastClientMs)]);

    public double Percentile(string hub, double p) =>
        Stats.Percentile([.. Of(hub).SelectMany(r => r.IntranetLatenciesMs.Concat(r.PublicLatenciesMs))], p);

    public double? Ratio(bool intranet) => BaselineHub is { } b && MedianLastClient(b, intranet) is var floor && floor > 0
        ? MedianLastClient("crisis", intranet) / floor : null;

    public double? MedianUse(string hub, Func<ServerUse, double?> figure) =>
        Of(hub).Select(r => figure(r.Server)).Where(v => v is not null).Select(v => v!.Value).ToArray() is { Length: > 0 } values
            ? Stats.Median(values) : null;
}

internal static class Stats
{
    public static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest rank; NaN for none.</summary>
    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
