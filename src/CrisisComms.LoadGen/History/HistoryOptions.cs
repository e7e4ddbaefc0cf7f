using CrisisComms.LoadGen.Cli;

namespace CrisisComms.LoadGen.History;

/// <summary>Everything one <c>history</c> run needs; see <see cref="Help"/>.</summary>
internal sealed record HistoryOptions
{
    public required Uri Seeded { get; init; }
    public required Uri Empty { get; init; }
    public int Clients { get; init; } = 20;
    public int Publishes { get; init; } = 5;
    public int Rounds { get; init; } = 3;
    public int Joins { get; init; } = 10;
    public TimeSpan ThroughputFor { get; init; } = TimeSpan.FromSeconds(3);
    public int Concurrency { get; init; } = 16;
    public required string Author { get; init; }
    public required string Approver { get; init; }
    public required string Password { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public string? JsonPath { get; init; }

    public const string Help = """
        crisiscomms-loadgen history: the same three figures on a node whose store holds a long history (see
        seed) and on a node with an empty store, both running at once, measured in alternating pairs:
          approve → intranet   from the approve request to the last of the intranet hub clients showing it
          304 throughput       GET /api/v1/banners?audience=public with If-None-Match, answered 304, per second
          first snapshot       a joining intranet client (negotiate, WebSockets) until its first snapshot
        Each node keeps one live notice up for the run (so snapshots are not empty); every measured notice
        is withdrawn after its measurement.

          --server URL              the node with the history
          --empty-server URL        the node with the empty store
          --clients N               intranet hub clients per node (default 20)
          --publishes K             approvals per node per round (default 5)
          --rounds R                rounds; odd rounds start with the history node, even with the empty one (default 3)
          --joins J                 joining clients per node per round (default 10)
          --throughput-seconds S    length of each 304 run (default 3)
          --concurrency C           requests in flight in the 304 run (default 16)
          --author NAME, --approver NAME, --password TEXT (or CRISISCOMMS_PASSWORD)   the same accounts on both nodes
          --timeout SECONDS         how long to wait for a client (default 60)
          --json FILE               also write the results as JSON
        """;

    public static HistoryOptions Parse(Args args)
    {
        args.Expect("server", "empty-server", "clients", "publishes", "rounds", "joins", "throughput-seconds", "concurrency", "author",
            "approver", "password", "timeout", "json").RejectUnknown();
        return new HistoryOptions
        {
            Seeded = Url(args, "server"),
            Empty = Url(args, "empty-server"),
            Clients = args.Int("clients", 20, min: 1),
            Publishes = args.Int("publishes", 5, min: 1),
            Rounds = args.Int("rounds", 3, min: 1),
            Joins = args.Int("joins", 10, min: 1),
            ThroughputFor = TimeSpan.FromSeconds(args.Double("throughput-seconds", 3, min: 0.1)),
            Concurrency = args.Int("concurrency", 16, min: 1),
            Author = args.Text("author") ?? throw new UsageException("--author is required."),
            Approver = args.Text("approver") ?? throw new UsageException("--approver is required."),
            Password = args.Text("password") ?? Environment.GetEnvironmentVariable("CRISISCOMMS_PASSWORD")
                ?? throw new UsageException("--password is required."),
            Timeout = TimeSpan.FromSeconds(args.Double("timeout", 60, min: 1)),
            JsonPath = args.Text("json"),
        };
    }

    private static Uri Url(Args args, string name) =>
        args.Text(name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : throw new UsageException($"--{name} must be an http(s) URL.");
}
