using CrisisComms.LoadGen.Fanout;
using CrisisComms.Testing.Server;

namespace CrisisComms.LoadGen.Tests;

/// <summary>
/// The ceiling benchmark's path at a tiny N, so it cannot rot: the fan-out with its clients in
/// several worker processes and on several loopback source addresses, as the 19,000-connection run
/// has them, against the bare hub in the same run.
/// </summary>
public sealed class CeilingSmokeRunSpreadsClientsOverProcessesAndSources : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = "01:00:00",
            ["CrisisComms:Benchmarks:Enabled"] = "true",
        });
        await _server.AddAccountAsync("anna", Password, "author");
        await _server.AddAccountAsync("bosse", Password, "approver");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task EveryClientInEveryWorkerGetsEveryNoticeOnBothHubs()
    {
        var options = new FanoutOptions
        {
            Servers = [_server.BaseAddress],
            Connections = 20,
            Processes = 2,
            Sources = [System.Net.IPAddress.Parse("127.0.0.2"), System.Net.IPAddress.Parse("127.0.0.3")],
            Publishes = 2,
            RampPerSecond = 200,
            Author = "anna",
            AuthorPassword = Password,
            Approver = "bosse",
            ApproverPassword = Password,
            Baseline = BaselineHub.Bare,
            Settle = TimeSpan.Zero,
            Gap = TimeSpan.FromMilliseconds(50),
        };
        var log = new StringWriter();

        var report = await new FanoutRunner(options, log).RunAsync(CancellationToken.None);
        ReportWriter.Write(report, log);

        Assert.All(report.Results, r => Assert.True(r.Verification.Ok, $"{r.Hub}: {r.Verification}\n{log}"));
        Assert.Equal(20, Assert.Single(report.Of("crisis")).Connected);
        Assert.Equal(20, Assert.Single(report.Of("bare")).Connected);
        Assert.NotNull(report.Ratio(intranet: true));
        Assert.Contains("ratio", log.ToString());
    }
}
