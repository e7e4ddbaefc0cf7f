using CrisisComms.LoadGen.Clients;
using CrisisComms.LoadGen.Fanout;
using CrisisComms.LoadGen.History;
using CrisisComms.LoadGen.Storm;

namespace CrisisComms.LoadGen.Cli;

internal static class Commands
{
    private const string Usage = """
        crisiscomms-loadgen: load for CrisisComms, measured side by side with bare ASP.NET Core.

          fanout [options]     N hub clients, K notices through the officer API, a bare-hub baseline
          seed [options]       ended notices and audit entries written straight into a store (for history)
          history [options]    approve → intranet, 304 throughput and first snapshot: a long history vs an empty store
          storm [options]      N widget-like clients, the node killed and restarted, vs a bare hub restarted alike
          worker [options]     (started with --processes P; speaks a line protocol on stdin/stdout)
          help [COMMAND]       this text, or the options of a command

        The ceiling (19,000 connections on one node) is fanout at that N: see scripts/scale-matrix.sh.

        For the banner endpoint under wrk see src/CrisisComms.LoadGen/wrk/banners.sh and docs/performance.md.
        """;

    private static readonly HashSet<string> Flags = ["baseline", "keep", "help", "widget"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case [] or ["help" or "--help" or "-h"]:
                    output.WriteLine(Usage);
                    return 0;
                case ["help", "fanout"] or ["fanout", "--help" or "-h"]:
                    output.WriteLine(FanoutOptions.Help);
                    return 0;
                case ["fanout", .. var rest]:
                    var options = FanoutOptions.Parse(new Args(rest, Flags));
                    using (var cancel = new CancellationTokenSource())
                    {
                        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
                        var report = await new FanoutRunner(options, output).RunAsync(cancel.Token);
                        ReportWriter.Write(report, output);
                        if (options.JsonPath is { } path) ReportWriter.WriteJson(report, path);
                        return report.Ok ? 0 : 1;
                    }
                case ["help", "seed"] or ["seed", "--help" or "-h"]:
                    output.WriteLine(SeedCommand.Help);
                    return 0;
                case ["help", "history"] or ["history", "--help" or "-h"]:
                    output.WriteLine(HistoryOptions.Help);
                    return 0;
                case ["help", "storm"] or ["storm", "--help" or "-h"]:
                    output.WriteLine(StormOptions.Help);
                    return 0;
                case ["seed", .. var rest]:
                    return await SeedCommand.RunAsync(new Args(rest, Flags), output, CancellationToken.None);
                case ["history", .. var rest]:
                {
                    var historyOptions = HistoryOptions.Parse(new Args(rest, Flags));
                    var history = await new HistoryRunner(historyOptions, output).RunAsync(CancellationToken.None);
                    history.Write(output);
                    if (historyOptions.JsonPath is { } json) history.WriteJson(json);
                    return 0;
                }
                case ["storm", .. var rest]:
                {
                    var storm = StormOptions.Parse(new Args(rest, Flags));
                    await using var node = (CommandNode)storm.Node;
                    await node.StartAsync(CancellationToken.None);
                    var report = await new StormRunner(storm, output).RunAsync(CancellationToken.None);
                    StormReportWriter.Write(report, output);
                    if (storm.JsonPath is { } path) StormReportWriter.WriteJson(report, path);
                    return report.Ok ? 0 : 1;
                }
                case ["worker", .. var rest]:
                    return await Worker.RunAsync(new Args(rest, Flags));
                default:
                    error.WriteLine($"Unknown command '{args[0]}'.\n\n{Usage}");
                    return 2;
            }
        }
        catch (UsageException e)
        {
            error.WriteLine($"{e.Message} See: crisiscomms-loadgen help {(args.Length > 0 ? args[0] : "")}");
            return 2;
        }
    }
}
