using System.Globalization;
using System.Text.Json;

namespace CrisisComms.LoadGen.Fanout;

/// <summary>The report as a few readable lines, and as JSON for merging runs.</summary>
internal static class ReportWriter
{
    public static void Write(FanoutReport report, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine(string.Create(c, $"{report.Connections} connections ({report.Intranet} intranet, {report.Public} public) on {report.Servers} node(s), " +
            $"{report.Publishes} publishes × {report.Rounds} round(s); medians pool every publish of every round"));
        w.WriteLine(string.Create(c, $"{"",-12} {"last client, intranet",22} {"last client, public",20} {"p50",7} {"p95",7} {"p99",7} {"max",7}   (ms)"));
        foreach (var hub in new[] { "crisis", report.BaselineHub }.OfType<string>())
            w.WriteLine(string.Create(c, $"{Label(hub),-12} {report.MedianLastClient(hub, true),22:0.0} {report.MedianLastClient(hub, false),20:0.0} " +
                $"{report.Percentile(hub, 50),7:0.0} {report.Percentile(hub, 95),7:0.0} {report.Percentile(hub, 99),7:0.0} {report.Percentile(hub, 100),7:0.0}"));
        if (report.BaselineHub is not null)
            w.WriteLine(string.Create(c, $"{"ratio",-12} {report.Ratio(true),22:0.00} {report.Ratio(false),20:0.00}   CrisisComms ÷ {Label(report.BaselineHub)}"));
        foreach (var hub in new[] { "crisis", report.BaselineHub }.OfType<string>())
            w.WriteLine(string.Create(c, $"{Label(hub),-12} server: {Kb(report.MedianUse(hub, u => u.RssKbPerConnection))} KB RSS and " +
                $"{Kb(report.MedianUse(hub, u => u.HeapKbPerConnection))} KB managed heap per connection; CPU {Seconds(report.MedianUse(hub, u => u.CpuSecondsConnecting))} s " +
                $"connecting, {Seconds(report.MedianUse(hub, u => u.CpuSecondsPublishing))} s publishing; while publishing " +
                $"{Kb(report.MedianUse(hub, u => u.Gen1Publishing))} gen1 and {Kb(report.MedianUse(hub, u => u.Gen2Publishing))} gen2 GCs, " +
                $"{Kb(report.MedianUse(hub, u => u.GcPauseMsPublishing))} ms GC pause"));
        foreach (var r in report.Results.Where(r => !r.Verification.Ok)) w.WriteLine($"{Label(r.Hub)} round {r.Round}: {r.Verification}");
        w.WriteLine(report.Ok
            ? "verified: every client got every notice, in publish order; intranet clients before the public release, public clients after it"
            : "FAILED: see above");
    }

    public static void WriteJson(FanoutReport report, string path)
    {
        var summary = new
        {
            report.Connections, report.Intranet, report.Public, report.Servers, report.Publishes, report.Rounds, report.BaselineHub, report.Ok,
            crisis = Summary(report, "crisis"),
            baseline = report.BaselineHub is { } b ? Summary(report, b) : null,
            ratioIntranet = report.Ratio(true),
            ratioPublic = report.Ratio(false),
            results = report.Results.Select(r => new
            {
                r.Round, r.Hub, r.Connected, r.ConnectSeconds, r.Phases, r.Server, verification = r.Verification.ToString(),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }

    private static object Summary(FanoutReport report, string hub) => new
    {
        lastClientIntranetMs = report.MedianLastClient(hub, true),
        lastClientPublicMs = report.MedianLastClient(hub, false),
        p50Ms = report.Percentile(hub, 50),
        p95Ms = report.Percentile(hub, 95),
        p99Ms = report.Percentile(hub, 99),
        maxMs = report.Percentile(hub, 100),
        rssKbPerConnection = report.MedianUse(hub, u => u.RssKbPerConnection),
        heapKbPerConnection = report.MedianUse(hub, u => u.HeapKbPerConnection),
        cpuSecondsConnecting = report.MedianUse(hub, u => u.CpuSecondsConnecting),
        cpuSecondsPublishing = report.MedianUse(hub, u => u.CpuSecondsPublishing),
        gen1Publishing = report.MedianUse(hub, u => u.Gen1Publishing),
        gen2Publishing = report.MedianUse(hub, u => u.Gen2Publishing),
        gcPauseMsPublishing = report.MedianUse(hub, u => u.GcPauseMsPublishing),
    };

    private static string Label(string hub) => hub switch
    {
        "crisis" => "CrisisComms",
        "bare" => "bare SignalR",
        _ => "bare+backpl.",
    };

    private static string Kb(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    private static string Seconds(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
