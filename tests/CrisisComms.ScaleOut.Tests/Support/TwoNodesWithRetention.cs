namespace CrisisComms.ScaleOut.Tests.Support;

/// <summary>Two nodes on one Redis whose retention sweeps run every second and purge 6 s after an incident ends.</summary>
public sealed class TwoNodesWithRetention : Cluster
{
    protected override int NodeCount => 2;

    protected override Task<IReadOnlyDictionary<string, string?>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["CrisisComms:Retention:EndedIncidents"] = "00:00:06",
            ["CrisisComms:Retention:SweepInterval"] = "00:00:01",
        });
}
