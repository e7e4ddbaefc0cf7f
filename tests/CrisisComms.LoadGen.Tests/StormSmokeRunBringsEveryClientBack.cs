using CrisisComms.LoadGen.Storm;
using CrisisComms.Testing.Server;

namespace CrisisComms.LoadGen.Tests;

/// <summary>
/// The storm benchmark at a tiny N, so it cannot rot: the real server killed and restarted under
/// 20 widget-like clients, once on the banner hub and once on the bare one; every client must hold a
/// snapshot from the restarted node again, and the report must have its figures.
/// </summary>
public sealed class StormSmokeRunBringsEveryClientBack : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Benchmarks:Enabled"] = "true" });
        await _server.AddAccountAsync("anna", Password, "author");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task EveryClientHoldsASnapshotAgainAfterTheRestartOnBothHubs()
    {
        var options = new StormOptions
        {
            Node = new TestNode(_server),
            Connections = 20,
            IntranetShare = 0.3,
            RampPerSecond = 200,
            Officer = "anna",
            OfficerPassword = Password,
            // Only a deadline for a broken run: a busy machine may take many seconds to restart the node.
            Timeout = TimeSpan.FromSeconds(90),
            Settle = TimeSpan.Zero,
            // The widget's schedule shrunk tenfold, so the clients come back soon after the node does.
            BackoffScale = 0.1,
        };
        var log = new StringWriter();

        var report = await new StormRunner(options, log).RunAsync(CancellationToken.None);
        StormReportWriter.Write(report, log);

        Assert.Equal(["crisis", "bare"], report.Results.Select(r => r.Hub));
        Assert.All(report.Results, r =>
        {
            Assert.Equal(20, r.Connected);
            Assert.True(r.NotHeld == 0 && r.AllMs is not null, $"{r}\n{log}");
            Assert.True(r.P50Ms <= r.P99Ms && r.P99Ms <= r.AllMs, $"{r}");
            Assert.True(r.ApiRequests > 0, $"{r}\n{log}");
        });
        Assert.NotNull(report.Ratio(r => r.AllMs));
        Assert.Contains("ratio", log.ToString());
    }

    private sealed class TestNode(ServerProcess server) : INode
    {
        public Uri Server => server.BaseAddress;
        public int? ProcessId => null;
        public Task KillAsync(CancellationToken ct) => server.KillAsync();
        public Task StartAsync(CancellationToken ct) => server.StartAsync();
    }
}
