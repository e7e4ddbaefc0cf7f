using System.Text.RegularExpressions;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>The Grafana dashboard in docker/ reads the instruments the service exports, by their exported names.</summary>
public sealed partial class DashboardTests
{
    private static readonly string[] Exported =
    [
        "crisiscomms_stage_delay_seconds", "crisiscomms_stage_failures_total",
        "crisiscomms_banner_connections", "crisiscomms_social_attempts_total",
    ];

    [Fact]
    public void TheDashboardReadsEveryInstrumentAndNoOther()
    {
        var json = File.ReadAllText(Path.Combine(ServerBuild.RepositoryRoot, "docker", "grafana-dashboard.json"));
        var read = MetricName().Matches(json).Select(m => Regex.Replace(m.Value, "_(bucket|count|sum)$", "")).Distinct().Order().ToArray();
        Assert.Equal(Exported.Order(), read);
    }

    [GeneratedRegex("crisiscomms_[a-z_]+")]
    private static partial Regex MetricName();
}
