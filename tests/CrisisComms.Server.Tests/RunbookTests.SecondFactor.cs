using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

public sealed partial class RunbookTests
{
    [Fact]
    public async Task EnrollingASecondFactorWithCurlRunsAsWritten()
    {
        var blocks = Runbook("05-add-officer-account.md", until: "**Lost phone");
        var steps = blocks.SkipWhile(b => !b.Contains("second-factor/enrolment", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, steps.Count);
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Auth:RequireSecondFactor"] = "true" });
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");

        // The person types the password, then reads the secret into the phone and types what it
        // shows: the code of this step to confirm, the next step's to sign in (this one is spent).
        var output = await RunTypingAsync(steps, server.BaseAddress, line =>
        {
            if (!Base32Secret().IsMatch(line)) return [];
            var step = Authenticator.StepNow();
            return [Authenticator.CodeOfStep(line, step), Authenticator.CodeOfStep(line, step + 1)];
        });

        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Count(l => RecoveryCode().IsMatch(l)));
        Assert.Equal("200", lines.Last());
        using var http = server.CreateClient();
        var passwordOnly = await ApiResponse.ReadAsync(await http.PostAsJsonAsync("/api/v1/auth/token",
            new { username = "bosse", password = CrisisServerFixture.Password }));
        passwordOnly.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.EndsWith("second-factor-required", passwordOnly.Json!["type"]!.GetValue<string>());
    }

    /// <summary>Runs the blocks with the password typed first, and types whatever <paramref name="answer"/> gives for a line of output.</summary>
    private static async Task<string> RunTypingAsync(IEnumerable<string> blocks, Uri server, Func<string, string[]> answer)
    {
        var folder = Directory.CreateTempSubdirectory("crisiscomms-runbook-").FullName;
        try
        {
            var script = new StringBuilder("set -euo pipefail\n").AppendLine($"CC={server.ToString().TrimEnd('/')}");
            foreach (var block in blocks) script.AppendLine(block);
            await File.WriteAllTextAsync(Path.Combine(folder, "runbook.sh"), script.ToString());
            var start = new ProcessStartInfo("bash", "runbook.sh")
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var bash = Process.Start(start)!;
            var stderr = bash.StandardError.ReadToEndAsync();
            await bash.StandardInput.WriteLineAsync(CrisisServerFixture.Password);
            await bash.StandardInput.FlushAsync();
            var output = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await bash.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                foreach (var typed in answer(line.Trim())) await bash.StandardInput.WriteLineAsync(typed);
                await bash.StandardInput.FlushAsync();
            }
            await bash.WaitForExitAsync(timeout.Token);
            Assert.True(bash.ExitCode == 0, $"the runbook failed ({bash.ExitCode}):\n{output}\n{await stderr}\n--- script ---\n{script}");
            return output.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("^[A-Z2-7]{32}$")]
    private static partial Regex Base32Secret();

    [GeneratedRegex("^[a-z0-9]{5}-[a-z0-9]{5}$")]
    private static partial Regex RecoveryCode();
}
