using System.Diagnostics;
using CrisisComms.Domain.Storage;
using CrisisComms.LoadGen.Cli;
using CrisisComms.Storage.Redis;
using CrisisComms.Storage.Sqlite;
using StackExchange.Redis;

namespace CrisisComms.LoadGen.History;

/// <summary><c>seed</c>: writes history into a store (the SQLite file, or Redis) before its node starts.</summary>
internal static class SeedCommand
{
    public const string Help = """
        crisiscomms-loadgen seed: ended notices and audit entries written straight into a store, through the
        store's own classes and many incidents per write (20,000 notices take seconds, not hours). Run it
        before the node starts, on the node's own store.

          --sqlite FILE             the SQLite file the node will use (created when missing)
          --redis CONFIG            or a Redis configuration, e.g. 127.0.0.1:6379
          --redis-prefix PREFIX     the node's CrisisComms:Redis:KeyPrefix (default crisiscomms:)
          --notices N               ended notices: N/2 incidents of an alert superseded by an update, then
                                    withdrawn (default 20000)
          --audit N                 audit entries in all, spread over the notices (default 200000)
        """;

    public static async Task<int> RunAsync(Args args, TextWriter output, CancellationToken ct)
    {
        args.Expect("sqlite", "redis", "redis-prefix", "notices", "audit").RejectUnknown();
        var notices = args.Int("notices", 20_000);
        var audit = args.Int("audit", 200_000);
        var sqlite = args.Text("sqlite");
        var redis = args.Text("redis");
        if ((sqlite is null) == (redis is null)) throw new UsageException("seed needs exactly one of --sqlite FILE and --redis CONFIG.");
        var started = Stopwatch.StartNew();
        (int Notices, int Audit) written;
        if (sqlite is not null)
        {
            written = await HistorySeed.RunAsync(new SqliteNoticeStore(sqlite), notices, audit, DateTimeOffset.UtcNow, output, ct);
        }
        else
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis!);
            INoticeStore store = new RedisNoticeStore(connection, args.Text("redis-prefix", "crisiscomms:"));
            written = await HistorySeed.RunAsync(store, notices, audit, DateTimeOffset.UtcNow, output, ct);
        }
        output.WriteLine($"seeded {written.Notices} ended notices and {written.Audit} audit entries in {started.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
