using System.Globalization;
using CrisisComms.LoadGen.Cli;

namespace CrisisComms.LoadGen.Clients;

/// <summary>
/// <c>worker</c>: a <see cref="ClientSwarm"/> driven by its coordinator (<see cref="RemoteSwarm"/>)
/// over standard input and output, one command and one answer per line:
/// <code>
/// connect crisis|bare|backplane TIMEOUT_MS → connected OPEN FAILED INTRANET PUBLIC GREETED [ERROR]
/// wait intranet|public ID TIMEOUT_MS       → waited COUNT
/// collect ID,ID,…                         → client INDEX i|p OPEN INORDER TS TS … (one per client), then end
/// disconnect                              → disconnected
/// arm SINCE                               → armed
/// count                                   → counted HELD CLOSED
/// held                                    → heldat TS TS … (one per client)
/// </code>
/// The intranet clients' token comes in the environment variable CRISISCOMMS_LOADGEN_TOKEN.
/// </summary>
internal static class Worker
{
    public const string TokenVariable = "CRISISCOMMS_LOADGEN_TOKEN";

    public static async Task<int> RunAsync(Args args)
    {
        var spec = new SwarmSpec(
            [.. args.All("server").Select(s => new Uri(s))],
            [.. args.All("sources").Select(System.Net.IPAddress.Parse)],
            Environment.GetEnvironmentVariable(TokenVariable),
            args.Int("first", 0),
            args.Int("count", 0),
            args.Double("intranet-share", 0),
            args.Double("ramp", 500, min: 0.001),
            args.Flag("widget"),
            args.Double("backoff-scale", 1, min: 0.001));
        args.RejectUnknown();
        await using var swarm = new ClientSwarm(spec, Console.Error);
        var output = Console.Out;
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts)
            {
                case ["connect", var hub, var timeout]:
                    var outcome = await swarm.ConnectAsync(Enum.Parse<HubKind>(hub, ignoreCase: true), Ms(timeout), CancellationToken.None);
                    await output.WriteLineAsync(FormattableString.Invariant(
                        $"connected {outcome.Connected} {outcome.Failed} {outcome.Intranet} {outcome.Public} {outcome.Greeted} {outcome.FirstError?.ReplaceLineEndings(" ")}"));
                    break;
                case ["wait", var audience, var id, var timeout]:
                    var count = await swarm.WaitAsync(id, audience == "intranet", Ms(timeout), CancellationToken.None);
                    await output.WriteLineAsync(FormattableString.Invariant($"waited {count}"));
                    break;
                case ["collect", var ids]:
                    foreach (var r in await swarm.CollectAsync(ids.Split(','), CancellationToken.None))
                        await output.WriteLineAsync(FormattableString.Invariant(
                            $"client {r.Index} {(r.Intranet ? 'i' : 'p')} {(r.Open ? 1 : 0)} {(r.RevisionsInOrder ? 1 : 0)} {string.Join(' ', r.FirstSeen)}"));
                    await output.WriteLineAsync("end");
                    break;
                case ["disconnect"]:
                    await swarm.DisconnectAsync(CancellationToken.None);
                    await output.WriteLineAsync("disconnected");
                    break;
                case ["arm", var since]:
                    await swarm.ArmAsync(long.Parse(since, CultureInfo.InvariantCulture), CancellationToken.None);
                    await output.WriteLineAsync("armed");
                    break;
                case ["count"]:
                    var (held, closed) = await swarm.CountAsync(CancellationToken.None);
                    await output.WriteLineAsync(FormattableString.Invariant($"counted {held} {closed}"));
                    break;
                case ["held"]:
                    await output.WriteLineAsync("heldat " + string.Join(' ', await swarm.HeldAtAsync(CancellationToken.None)));
                    break;
                default:
                    await Console.Error.WriteLineAsync($"worker: unknown command '{line}'");
                    return 2;
            }
            await output.FlushAsync();
        }
        return 0;
    }

    private static TimeSpan Ms(string text) => TimeSpan.FromMilliseconds(double.Parse(text, CultureInfo.InvariantCulture));
}
