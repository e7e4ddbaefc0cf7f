using System.Globalization;

namespace CrisisComms.LoadGen.Server;

/// <summary>
/// A node's memory and CPU: RSS and CPU time from /proc/PID when its process id is known (same
/// machine), the managed heap after a full GC from /benchmarks/memory when that is on.
/// </summary>
internal sealed class ServerProbe(BenchmarkApi? api, int? pid)
{
    // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public sealed record Sample(long? RssBytes, long? ManagedHeapBytes, double? CpuSeconds, int? Gen1Collections, int? Gen2Collections, double? GcPauseMs);

    public async Task<Sample> SampleAsync(bool collect, CancellationToken ct)
    {
        ProcessFigures? figures = api is null ? null : await api.ReadAsync(collect, ct);
        var rss = pid is { } p ? ReadRss(p) : figures?.WorkingSetBytes;
        var cpu = pid is { } q ? ReadCpu(q) : figures?.CpuSeconds;
        return new Sample(rss, collect ? figures?.ManagedHeapBytes : null, cpu,
            figures?.Gen1Collections, figures?.Gen2Collections, figures?.GcPauseMs);
    }

    private static long? ReadRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static double ReadCpu(int pid)
    {
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
