using CrisisComms.LoadGen.Fanout;
using CrisisComms.Testing.Server;

namespace CrisisComms.LoadGen.Tests;

/// <summary>
/// The load generator's smoke run against the real server: a couple of hundred clients, a few
/// notices, correctness only. Timings belong in docs/performance.md, not here.
/// </summary>
public sealed class SmokeRunDeliversEveryNoticeToEveryClientInOrder : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            // Only release-next makes a notice public, so the generator decides when each audience gets it.
            ["CrisisComms:Dispatch:IntranetLead"] = "01:00:00",
            ["CrisisComms:Benchmarks:Enabled"] = "true",
        });
        await _server.AddAccountAsync("anna", Password, "author");
        await _server.AddAccountAsync("bosse", Password, "approver");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task EveryClientGetsEveryNoticeInPublishOrderAndTheIntranetBeforeThePublic()
    {
        var options = new FanoutOptions
        {
            Servers = [_server.BaseAddress],
            Connections = 200,
            IntranetShare = 0.3,
            Publishes = 5,
            RampPerSecond = 400,
            Author = "anna",
            AuthorPassword = Password,
            Approver = "bosse",
            ApproverPassword = Password,
            Baseline = await BenchmarksAreOnAsync() ? BaselineHub.Bare : BaselineHub.None,
            Settle = TimeSpan.Zero,
            Gap = TimeSpan.FromMilliseconds(50),
        };
        var log = new StringWriter();

        var report = await new FanoutRunner(options, log).RunAsync(CancellationToken.None);

        Assert.All(report.Results, r => Assert.True(r.Verification.Ok, $"{r.Hub}: {r.Verification}\n{log}"));
        var crisis = Assert.Single(report.Of("crisis"));
        Assert.Equal(200, crisis.Connected);
        Assert.Equal(5 * 60, crisis.IntranetLatenciesMs.Length);
        Assert.Equal(5 * 140, crisis.PublicLatenciesMs.Length);
        if (options.Baseline != BaselineHub.None) Assert.Equal(200, Assert.Single(report.Of("bare")).Connected);
    }

    // The baseline needs the benchmark endpoints wired into the host; without them the CrisisComms part still runs.
    private async Task<bool> BenchmarksAreOnAsync()
    {
        using var http = _server.CreateClient();
        using var response = await http.GetAsync("/benchmarks/memory?collect=false");
        return response.IsSuccessStatusCode;
    }
}
