using CrisisComms.LoadGen.History;
using CrisisComms.Storage.Sqlite;
using CrisisComms.Testing.Server;

namespace CrisisComms.LoadGen.Tests;

/// <summary>
/// The history benchmark at a tiny N, so it cannot rot: a store seeded through the seed command's
/// code and an empty one, both measured; the figures are there, their size is docs/performance.md's business.
/// </summary>
public sealed class HistorySmokeRunMeasuresBothStores : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ServerProcess _seeded = null!;
    private ServerProcess _empty = null!;
    private (int Notices, int Audit) _written;

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("crisiscomms-history-").FullName;
        _written = await HistorySeed.RunAsync(new SqliteNoticeStore(Path.Combine(folder, "crisiscomms.db")), 50, 500,
            DateTimeOffset.UtcNow, TextWriter.Null, CancellationToken.None);
        _seeded = await ServerProcess.StartAsync(Settings, folder);
        _empty = await ServerProcess.StartAsync(Settings);
        foreach (var server in new[] { _seeded, _empty })
        {
            await server.AddAccountAsync("anna", Password, "author");
            await server.AddAccountAsync("bosse", Password, "approver");
        }
    }

    private static Dictionary<string, string?> Settings => new() { ["CrisisComms:Dispatch:IntranetLead"] = "01:00:00" };

    public async Task DisposeAsync()
    {
        await _seeded.DisposeAsync();
        await _empty.DisposeAsync();
    }

    [Fact]
    public async Task TheReportHasEveryFigureForBothStoresAndTheirRatios()
    {
        var options = new HistoryOptions
        {
            Seeded = _seeded.BaseAddress,
            Empty = _empty.BaseAddress,
            Clients = 5,
            Publishes = 2,
            Rounds = 2,
            Joins = 2,
            ThroughputFor = TimeSpan.FromMilliseconds(300),
            Concurrency = 4,
            Author = "anna",
            Approver = "bosse",
            Password = Password,
        };
        var log = new StringWriter();

        var report = await new HistoryRunner(options, log).RunAsync(CancellationToken.None);
        report.Write(log);

        Assert.Equal((50, 500), _written);
        foreach (var node in new[] { HistoryRunner.Seeded, HistoryRunner.Empty })
        {
            Assert.Equal(2 * 2, report.Samples.Count(s => s.Node == node && s.Figure == HistoryReport.ApproveToIntranet));
            Assert.Equal(2, report.Samples.Count(s => s.Node == node && s.Figure == HistoryReport.NotModifiedPerSecond));
            Assert.Equal(2 * 2, report.Samples.Count(s => s.Node == node && s.Figure == HistoryReport.FirstSnapshot));
            Assert.All(HistoryReport.Figures, f => Assert.True(report.Median(node, f) > 0, $"{node} {f}\n{log}"));
        }
        Assert.All(HistoryReport.Figures, f => Assert.True(double.IsFinite(report.Ratio(f)), $"{f}\n{log}"));
        Assert.Contains("ratio", log.ToString());
    }
}
