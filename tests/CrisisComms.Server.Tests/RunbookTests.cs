using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The officers' runbooks are run as written: their shell blocks, in order, with bash, curl and
/// jq, against the real server. Only the service address is put in; passwords go to the
/// runbook's own sign-in prompt on standard input. A runbook that drifts from the API fails here.
/// </summary>
[Collection(CrisisServerCollection.Name)]
public sealed partial class RunbookTests(CrisisServerFixture f)
{
    [Fact]
    public async Task IssueANoticeRunsAsWritten()
    {
        var blocks = Runbook("10-issue-a-notice.md", until: "## Break glass");
        // Not part of the runbook: take the banner down again for the other tests on this server.
        const string cleanUp = """curl -fsS -X POST "$CC/api/v1/notices/$ID/withdraw" -H "Authorization: Bearer $APPROVER" -H 'Content-Type: application/json' -d '{"reason":"test over"}' >/dev/null""";
        var output = await RunAsync([.. blocks, cleanUp], passwords: 2);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("pendingApproval", lines);
        Assert.Contains("live", lines);
        Assert.Matches("\"name\":\"public\",\"state\":\"done\"", output);
        Assert.True(lines.Count(l => l == "Koka vattnet i Ryd") >= 2, $"intranet and public banners:\n{output}");
        Assert.Matches(@"anna\s+notice\.submitted", output);
        Assert.Matches(@"bosse\s+notice\.approved", output);
    }

    [Fact]
    public async Task TheQuarterlyBannerTestRunsAsWrittenAndLeaksNothing()
    {
        var signIn = Runbook("10-issue-a-notice.md", until: "2. Write the notice")[0];
        var blocks = Runbook("12-quarterly-banner-test.md", until: "Tested:");
        var output = await RunAsync([signIn, .. blocks], passwords: 2);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("pendingApproval", lines);
        Assert.Contains("exercise live", lines);
        Assert.Contains("ÖVNING: Test av krisbannern", lines);
        Assert.Contains("0", lines);
        Assert.Contains("withdrawn", lines);
        Assert.Matches(@"bosse\s+notice\.withdrawn", output);
    }

    [Fact]
    public async Task UpdateAllClearAndWithdrawRunAsWritten()
    {
        // Runbook 10 steps 1-7 put a notice up; runbook 11 then follows the incident to its end.
        // Where runbook 11 says "as in runbook 10, steps 4-7", those blocks run again for the new
        // version; where it asks the officer to write or pick something, the test does it.
        var issue = Runbook("10-issue-a-notice.md", until: "8. Check what");
        var (submit, approve, release) = (issue[3], issue[4], issue[5]);
        var follow = Runbook("11-update-withdraw-all-clear.md", until: "Tested:");
        Assert.Equal(5, follow.Count);
        var (pick, update, withdraw, allClear, versions) = (follow[0], follow[1], follow[2], follow[3], follow[4]);
        Assert.Contains("ID=<the id of the live version>", pick);
        const string writeAllClear = """jq '.severity = "info" | .content.sv.headline = "Vattnet i Ryd är drickbart igen"' notice.json > all-clear.json && mv all-clear.json notice.json""";

        // Its own server: on the shared one an all-clear closes the incident after 3 s, and this
        // runbook withdraws the all-clear after listing it.
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:AllClearVisibleFor"] = "00:10:00",
        });
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        var output = await RunAsync(
        [
            .. issue,
            pick.Replace("ID=<the id of the live version>", ": the live version is $ID"),
            update, "ID=$UP", submit, approve, release,
            writeAllClear, allClear, "ID=$AC", approve, release, versions,
            withdraw,
        ], passwords: 4, server.BaseAddress);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("""{"kind":"update","version":2,"state":"draft"}""", lines);
        Assert.Contains("v1 alert superseded", lines);
        Assert.Contains("v2 update superseded", lines);
        Assert.Contains("v3 allClear live", lines);
        // The withdrawal prints the notice's state, then the public banners: the all-clear is no longer among them.
        var afterWithdrawal = lines.SkipWhile(l => !l.Contains("\"state\":\"withdrawn\"")).ToList();
        Assert.NotEmpty(afterWithdrawal);
        Assert.DoesNotContain("Vattnet i Ryd är drickbart igen", afterWithdrawal);
    }

    [Fact]
    public async Task AddAnOfficerAccountRunsAsWritten()
    {
        // Step 1 as a script runs it (the runbook's own "pipe the password in" form), with the
        // built server in place of `dotnet run`, and a name no other test signs in with.
        var blocks = Runbook("05-add-officer-account.md", until: "**Change a password");
        Assert.Equal(3, blocks.Count);
        const string fromSource = "dotnet run --project src/CrisisComms.Server --";
        var add = blocks[0].Split('\n').Single(l => l.StartsWith(fromSource + " users add", StringComparison.Ordinal));
        var built = $"dotnet {ServerBuild.Dll} --contentRoot {ServerBuild.ProjectFolder}";
        string Adapt(string block) => block.Replace(fromSource, built).Replace("anna", "ulla");
        var sameStoreAsTheServer = $"export CrisisComms__Storage__SqlitePath={Path.Combine(f.Server.DataFolder, "crisiscomms.db")} PASSWORD='{CrisisServerFixture.Password}'";

        var output = await RunAsync(
        [
            sameStoreAsTheServer,
            "CC=https://crisis.example.se",
            "printf '%s\\n' \"$PASSWORD\" | " + Adapt(add),
            Adapt(blocks[1]),
            Adapt(blocks[2]),
        ], passwords: 1);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Account 'ulla' saved with roles author.", lines);
        Assert.Contains(lines, l => l.Contains("ulla") && l.Contains("Anna Andersson") && l.Contains("author"));
        Assert.Equal("200", lines.Last(l => l.Length > 0));
    }

    /// <summary>The ```sh blocks of a runbook up to a heading or line, without their list indentation.</summary>
    private static List<string> Runbook(string file, string until)
    {
        var text = File.ReadAllText(Path.Combine(ServerBuild.RepositoryRoot, "runbooks", file));
        var end = text.IndexOf(until, StringComparison.Ordinal);
        Assert.True(end > 0, $"{file} no longer has '{until}'");
        var blocks = ShellBlock().Matches(text[..end]).Select(m =>
        {
            var indent = m.Groups["indent"].Value.Length;
            return string.Join('\n', m.Groups["body"].Value.Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        }).ToList();
        Assert.NotEmpty(blocks);
        return blocks;
    }

    private async Task<string> RunAsync(IEnumerable<string> blocks, int passwords, Uri? server = null)
    {
        var folder = Directory.CreateTempSubdirectory("crisiscomms-runbook-").FullName;
        try
        {
            var script = new StringBuilder("set -euo pipefail\n");
            foreach (var block in blocks)
                script.AppendLine(block.Replace("CC=https://crisis.example.se", $"CC={(server ?? f.Address).ToString().TrimEnd('/')}"));
            await File.WriteAllTextAsync(Path.Combine(folder, "runbook.sh"), script.ToString());

            var start = new ProcessStartInfo("bash", "runbook.sh")
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var bash = Process.Start(start)!;
            for (var i = 0; i < passwords; i++) await bash.StandardInput.WriteLineAsync(CrisisServerFixture.Password);
            bash.StandardInput.Close();
            var stdout = bash.StandardOutput.ReadToEndAsync();
            var stderr = bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(bash.ExitCode == 0, $"the runbook failed ({bash.ExitCode}):\n{await stdout}\n{await stderr}\n--- script ---\n{script}");
            return await stdout;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)```sh\n(?<body>.*?)\n[ ]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
