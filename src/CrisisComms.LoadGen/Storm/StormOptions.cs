using System.Net;
using CrisisComms.LoadGen.Cli;

namespace CrisisComms.LoadGen.Storm;

/// <summary>Everything one <c>storm</c> run needs; see <see cref="Help"/>.</summary>
internal sealed record StormOptions
{
    public required INode Node { get; init; }
    public int Connections { get; init; } = 200;
    public double IntranetShare { get; init; } = 0.3;
    public int Rounds { get; init; } = 1;
    public double RampPerSecond { get; init; } = 500;
    public IReadOnlyList<IPAddress> Sources { get; init; } = [];
    public int Processes { get; init; } = 1;
    public required string Officer { get; init; }
    public required string OfficerPassword { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);
    public double BackoffScale { get; init; } = 1;
    public string? JsonPath { get; init; }

    public const string Help = """
        crisiscomms-loadgen storm: N clients that connect and reconnect as the widget does (negotiate, then
        WebSockets; after a drop the widget's own jittered backoff from src/CrisisComms.Widget/src/backoff.js,
        never giving up), the node killed (SIGKILL) and restarted on the same address, and the time from the
        kill until 50 %, 99 % and 100 % of them hold a snapshot from the restarted node again; meanwhile an
        officer lists notices through the API, one request at a time. Then the same with the clients on the
        bare hub, in the same run; rounds alternate which goes first. This program starts the node itself.

          --server URL              the node's address (default http://127.0.0.1:5080)
          --node-command CMD        shell command that starts the node in the foreground on that address
                                    (use exec, so killing it kills the server), e.g.
                                    "exec dotnet CrisisComms.Server.dll --urls http://127.0.0.1:5080 >>node.log 2>&1"
          --connections N           clients in all (default 200)
          --intranet-share F        share on audience=intranet, with a token (default 0.3)
          --rounds R                a CrisisComms storm and a bare-hub storm, R times (default 1)
          --ramp R                  connections per second while connecting, before the kill (default 500)
          --sources IP[,IP]         loopback source addresses for the clients
          --processes P             clients in P worker processes (default 1)
          --officer NAME            an account that may list notices (role author+)
          --password TEXT           its password, or CRISISCOMMS_PASSWORD
          --timeout SECONDS         after the kill, how long to wait for every client (default 60)
          --settle SECONDS          pause after connecting, before the kill (default 2)
          --backoff-scale F         multiply the widget's delays by F: for smoke runs only (default 1, the widget's)
          --json FILE               also write the results as JSON
        """;

    public static StormOptions Parse(Args args)
    {
        args.Expect("server", "node-command", "connections", "intranet-share", "rounds", "ramp", "sources", "processes", "officer",
            "password", "timeout", "settle", "backoff-scale", "json").RejectUnknown();
        var server = args.Text("server", "http://127.0.0.1:5080");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--server: '{server}' is not an http(s) URL.");
        var command = args.Text("node-command") ?? throw new UsageException("--node-command is required: storm restarts the node itself.");
        var options = new StormOptions
        {
            Node = new CommandNode(uri, command),
            Connections = args.Int("connections", 200, min: 1),
            IntranetShare = args.Double("intranet-share", 0.3),
            Rounds = args.Int("rounds", 1, min: 1),
            RampPerSecond = args.Double("ramp", 500, min: 1),
            Sources = [.. args.All("sources").Select(s => IPAddress.TryParse(s, out var a) ? a : throw new UsageException($"--sources: '{s}' is not an IP address."))],
            Processes = args.Int("processes", 1, min: 1),
            Officer = args.Text("officer") ?? throw new UsageException("--officer is required."),
            OfficerPassword = args.Text("password") ?? Environment.GetEnvironmentVariable("CRISISCOMMS_PASSWORD")
                ?? throw new UsageException("--password is required."),
            Timeout = TimeSpan.FromSeconds(args.Double("timeout", 60, min: 1)),
            Settle = TimeSpan.FromSeconds(args.Double("settle", 2)),
            BackoffScale = args.Double("backoff-scale", 1, min: 0.001),
            JsonPath = args.Text("json"),
        };
        if (options.IntranetShare > 1) throw new UsageException("--intranet-share must be between 0 and 1.");
        return options;
    }
}
