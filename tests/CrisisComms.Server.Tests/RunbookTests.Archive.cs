using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

public sealed partial class RunbookTests
{
    [Fact]
    public async Task ARecordsRequestAndTheYearlyDeliveryRunAsWritten()
    {
        var request = Runbook("13-archive-and-records-requests.md", until: "## B. The yearly");
        var delivery = Runbook("13-archive-and-records-requests.md", until: "## C. What")[request.Count..];
        Assert.Equal(4, request.Count);
        Assert.Equal(3, delivery.Count);
        Assert.Contains("INCIDENT=<the incident id>", request[2]);
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Vallastaden"));
        // On the website too, so the incident issued CAP messages (an alert, and a cancel on withdrawal).
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.WithdrawAsync(id, "Runbook 13")).ShouldBe(HttpStatusCode.OK);
        var incident = (await f.Approver.GetAsync(id)).Json!["incidentId"]!.GetValue<string>();

        var answered = await RunAsync([.. request.Select(b => b.Replace("INCIDENT=<the incident id>", $"INCIDENT={incident}"))], passwords: 1);

        Assert.Contains($"{incident}\t", answered);
        var lines = answered.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var downloaded = lines.Single(l => l.EndsWith($"  incident-{incident}.zip")).Split("  ")[0];
        Assert.Contains("incident.json: OK", lines);
        Assert.Contains("incident.html: OK", lines);
        Assert.Contains(lines, l => l.StartsWith("cap/") && l.EndsWith(": OK"));

        var folder = Path.Combine(f.Server.DataFolder, $"delivery-{incident}");
        var environment = $"export CrisisComms__Storage__SqlitePath={Path.Combine(f.Server.DataFolder, "crisiscomms.db")}";
        string Adapt(string block) => block
            .Replace("dotnet /opt/crisiscomms/CrisisComms.Server.dll", $"dotnet {ServerBuild.Dll} --contentRoot {ServerBuild.ProjectFolder}")
            // The delivery of this test's year: everything that ended before tomorrow.
            .Replace("BEFORE=2026-01-01", $"BEFORE={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}")
            .Replace("DELIVERY=/var/archive/crisiscomms-before-$BEFORE", $"DELIVERY={folder}");
        var delivered = await RunAsync([environment, .. delivery.Select(Adapt)], passwords: 0);

        Assert.Contains($"incident-{incident}.zip: OK", delivered);
        Assert.DoesNotContain("FAILED", delivered);
        var row = File.ReadAllLines(Path.Combine(folder, "index.csv")).Single(l => l.StartsWith($"{incident},"));
        Assert.Equal(downloaded, row.Split(',')[4]);
    }
}
