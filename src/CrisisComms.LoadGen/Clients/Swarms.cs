namespace CrisisComms.LoadGen.Clients;

internal static class Swarms
{
    /// <summary>All of <paramref name="whole"/>'s clients: in this process, or split over <paramref name="processes"/> worker processes.</summary>
    public static List<ISwarm> Start(SwarmSpec whole, int processes, TextWriter log)
    {
        if (processes == 1) return [new ClientSwarm(whole, log)];
        var per = (whole.Count + processes - 1) / processes;
        return [.. Enumerable.Range(0, processes)
            .Select(p => (First: whole.FirstIndex + p * per, Count: Math.Min(per, whole.Count - p * per)))
            .Where(s => s.Count > 0)
            .Select(s => RemoteSwarm.Start(whole with { FirstIndex = s.First, Count = s.Count, RampPerSecond = whole.RampPerSecond / processes }, log))];
    }
}
