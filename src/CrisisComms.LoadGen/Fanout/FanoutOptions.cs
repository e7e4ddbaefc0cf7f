using System.Net;
using CrisisComms.LoadGen.Cli;

namespace CrisisComms.LoadGen.Fanout;

/// <summary>Which bare hub the baseline round uses: in memory always, or on the service's backplane.</summary>
internal enum BaselineHub { None, Bare, Backplane }

/// <summary>Everything one <c>fanout</c> run needs; see <see cref="Help"/>.</summary>
internal sealed record FanoutOptions
{
    public required IReadOnlyList<Uri> Servers { get; init; }
    public int Connections { get; init; } = 200;
    public double IntranetShare { get; init; } = 0.3;
    public int Publishes { get; init; } = 5;
    public int Rounds { get; init; } = 1;
    public double RampPerSecond { get; init; } = 500;
    public IReadOnlyList<IPAddress> Sources { get; init; } = [];
    public int Processes { get; init; } = 1;
    public required string Author { get; init; }
    public required string AuthorPassword { get; init; }
    public required string Approver { get; init; }
    public required string ApproverPassword { get; init; }
    public BaselineHub Baseline { get; init; } = BaselineHub.None;
    public IReadOnlyList<int> ServerPids { get; init; } = [];
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan Gap { get; init; } = TimeSpan.FromMilliseconds(500);
    public bool Cleanup { get; init; } = true;
    public string? JsonPath { get; init; }

    public const string Help = """
        crisiscomms-loadgen fanout: N SignalR clients on the banner hub, K notices published through the
        real officer API, the time from the approve / release-next request to every client's snapshot,
        and the same fan-out through a bare hub in the same server process (needs the server started
        with CrisisComms:Benchmarks:Enabled=true).

          --server URL[,URL]        the node(s); clients are spread round-robin, publishing goes to the
                                    first (default http://127.0.0.1:5080)
          --connections N           hub connections in all (default 200)
          --intranet-share F        share of them on audience=intranet, with a token (default 0.3)
          --publishes K             notices per round (default 5)
          --rounds R                CrisisComms round + baseline round, R times, even rounds baseline first;
                                    figures are medians over every publish of every round (default 1)
          --ramp R                  new connections per second, e.g. 500 or 500/s (default 500)
          --sources IP[,IP]         loopback source addresses to spread clients over, e.g.
                                    127.0.0.2,127.0.0.3 (default: the OS chooses)
          --processes P             clients in P worker processes (this process only publishes); use it
                                    past ~9,000 connections, since each process may hold 20,000 files (default 1)
          --author NAME             account that creates and submits (role author+)
          --approver NAME           a second account that approves and releases (role approver+)
          --password TEXT           password of both; or --author-password / --approver-password,
                                    or the environment variable CRISISCOMMS_PASSWORD
          --baseline                also run the baseline through the bare in-memory hub
          --baseline-hub bare|backplane   the baseline hub: bare (in memory) or on the service's own
                                    backplane (Redis when configured)
          --server-pid PID[,PID]    server process id(s) for RSS and CPU from /proc (else from the
                                    server's /benchmarks/memory)
          --timeout SECONDS         how long to wait for every client to get a notice (default 60)
          --settle SECONDS          pause after connecting, before publishing (default 2)
          --gap MS                  pause between publishes (default 500)
          --keep                    leave the published notices live (default: withdraw them at the end)
          --json FILE               also write the results as JSON

        Each intranet client must see every notice after its approve and before its release-next; each
        public client after its release-next; every client in publish order. The exit code is 0 only
        when every client received every notice so.
        """;

    private static readonly string[] Names =
    [
        "server", "connections", "intranet-share", "publishes", "rounds", "ramp", "sources", "processes", "author", "approver",
        "password", "author-password", "approver-password", "baseline", "baseline-hub", "server-pid", "timeout", "settle", "gap",
        "keep", "json",
    ];

    public static FanoutOptions Parse(Args args)
    {
        args.Expect(Names).RejectUnknown();
        var password = args.Text("password") ?? Environment.GetEnvironmentVariable("CRISISCOMMS_PASSWORD");
        var baseline = args.Text("baseline-hub") switch
        {
            null => args.Flag("baseline") ? BaselineHub.Bare : BaselineHub.None,
            "bare" => BaselineHub.Bare,
            "backplane" => BaselineHub.Backplane,
            var other => throw new UsageException($"--baseline-hub must be bare or backplane, not '{other}'."),
        };
        args.Flag("baseline");
        var options = new FanoutOptions
        {
            Servers = [.. (args.All("server") is { Count: > 0 } s ? s : ["http://127.0.0.1:5080"]).Select(ParseUri)],
            Connections = args.Int("connections", 200, min: 1),
            IntranetShare = args.Double("intranet-share", 0.3),
            Publishes = args.Int("publishes", 5, min: 1),
            Rounds = args.Int("rounds", 1, min: 1),
            RampPerSecond = ParseRamp(args.Text("ramp")),
            Sources = [.. args.All("sources").Select(ParseAddress)],
            Processes = args.Int("processes", 1, min: 1),
            Author = args.Text("author") ?? throw new UsageException("--author is required."),
            AuthorPassword = args.Text("author-password") ?? password ?? throw new UsageException("--password is required."),
            Approver = args.Text("approver") ?? throw new UsageException("--approver is required."),
            ApproverPassword = args.Text("approver-password") ?? password ?? throw new UsageException("--password is required."),
            Baseline = baseline,
            ServerPids = [.. args.All("server-pid").Select(p => int.TryParse(p, out var pid) ? pid : throw new UsageException($"--server-pid: '{p}' is no process id."))],
            DeliveryTimeout = TimeSpan.FromSeconds(args.Double("timeout", 60, min: 1)),
            Settle = TimeSpan.FromSeconds(args.Double("settle", 2)),
            Gap = TimeSpan.FromMilliseconds(args.Double("gap", 500)),
            Cleanup = !args.Flag("keep"),
            JsonPath = args.Text("json"),
        };
        if (options.IntranetShare > 1) throw new UsageException("--intranet-share must be between 0 and 1.");
        if (options.ServerPids.Count > options.Servers.Count) throw new UsageException("More --server-pid than --server.");
        return options;
    }

    private static Uri ParseUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : throw new UsageException($"--server: '{text}' is not an http(s) URL.");

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new UsageException($"--sources: '{text}' is not an IP address.");

    private static double ParseRamp(string? text)
    {
        if (text is null) return 500;
        var number = text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text;
        return double.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate : throw new UsageException($"--ramp must be connections per second, e.g. 500/s, not '{text}'.");
    }
}
