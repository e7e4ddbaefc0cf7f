using System.Globalization;
using System.Text.Json;

namespace CrisisComms.LoadGen.Storm;

internal static class StormReportWriter
{
    public static void Write(StormReport report, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine(string.Create(c, $"storm: {report.Connections} clients, node killed and restarted, {report.Rounds} round(s) per hub; medians over the rounds, ms from the kill"));
        w.WriteLine(string.Create(c, $"{"",-12} {"node back",10} {"50 % held",10} {"99 % held",10} {"100 % held",11} {"never",6} {"closed",7} {"API p50",8} {"API p99",8} {"API errors",11}"));
        foreach (var hub in new[] { "crisis", "bare" })
            w.WriteLine(string.Create(c, $"{(hub == "crisis" ? "CrisisComms" : "bare SignalR"),-12} {F(report.Median(hub, r => r.RestartMs)),10} " +
                $"{F(report.Median(hub, r => r.P50Ms)),10} {F(report.Median(hub, r => r.P99Ms)),10} {F(report.Median(hub, r => r.AllMs)),11} " +
                $"{F(report.Median(hub, r => r.NotHeld)),6} {F(report.Median(hub, r => r.Closed)),7} {F(report.Median(hub, r => r.ApiP50Ms)),8} " +
                $"{F(report.Median(hub, r => r.ApiP99Ms)),8} {F(report.Median(hub, r => r.ApiErrors)),11}"));
        w.WriteLine(string.Create(c, $"{"ratio",-12} {R(report.Ratio(r => r.RestartMs)),10} {R(report.Ratio(r => r.P50Ms)),10} {R(report.Ratio(r => r.P99Ms)),10} " +
            $"{R(report.Ratio(r => r.AllMs)),11} {"",6} {"",7} {R(report.Ratio(r => r.ApiP50Ms)),8} {R(report.Ratio(r => r.ApiP99Ms)),8}   CrisisComms ÷ bare SignalR"));
        w.WriteLine(report.Ok ? "verified: every client held a snapshot from the restarted node again, none gave up" : "FAILED: some clients never held a snapshot again, or could not connect");
    }

    public static void WriteJson(StormReport report, string path)
    {
        object Summary(string hub) => new
        {
            restartMs = report.Median(hub, r => r.RestartMs),
            p50Ms = report.Median(hub, r => r.P50Ms),
            p99Ms = report.Median(hub, r => r.P99Ms),
            allMs = report.Median(hub, r => r.AllMs),
            apiP99Ms = report.Median(hub, r => r.ApiP99Ms),
        };
        var json = new
        {
            report.Connections, report.Rounds, report.Ok, crisis = Summary("crisis"), bare = Summary("bare"),
            ratioP50 = report.Ratio(r => r.P50Ms), ratioP99 = report.Ratio(r => r.P99Ms), ratioAll = report.Ratio(r => r.AllMs),
            ratioApiP99 = report.Ratio(r => r.ApiP99Ms), report.Results,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }

    private static string F(double? v) => StormRunner.Ms(v);

    private static string R(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
