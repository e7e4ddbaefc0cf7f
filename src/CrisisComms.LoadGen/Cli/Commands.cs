using CrisisComms.LoadGen.Clients;
using CrisisComms.LoadGen.Fanout;

namespace CrisisComms.LoadGen.Cli;

internal static class Commands
{
    private const string Usage = """
        crisiscomms-loadgen: load for CrisisComms, measured side by side with bare ASP.NET Core.

          fanout [options]     N hub clients, K notices through the officer API, a bare-hub baseline
          worker [options]     (started by fanout --processes P; speaks a line protocol on stdin/stdout)
          help [fanout]        this text, or the options of fanout

        For the banner endpoint under wrk see src/CrisisComms.LoadGen/wrk/banners.sh and docs/performance.md.
        """;

    private static readonly HashSet<string> Flags = ["baseline", "keep", "help"];

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
                case ["worker", .. var rest]:
                    return await Worker.RunAsync(new Args(rest, Flags));
                default:
                    error.WriteLine($"Unknown command '{args[0]}'.\n\n{Usage}");
                    return 2;
            }
        }
        catch (UsageException e)
        {
            error.WriteLine($"{e.Message} See: crisiscomms-loadgen help fanout");
            return 2;
        }
    }
}
