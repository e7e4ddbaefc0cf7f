using System.Net;
using System.Text.Json;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>With CrisisComms:Logging:Json the console carries compact JSON a log collector can index.</summary>
public sealed class StructuredLoggingTests
{
    [Fact]
    public async Task AStageLogsItsNoticeAndHowLongAfterApprovalItRan()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Logging:Json"] = "true" });
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var approver = await Officer.SignInAsync(server.BaseAddress, "bosse", CrisisServerFixture.Password);
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water(audience: "staff"));
        (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);

        var events = server.Log.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.NotEmpty(events);
        var stageDone = Assert.Single(events, e => e.TryGetProperty("NoticeId", out var n) && n.GetString() == id
            && e.TryGetProperty("Stage", out var s) && s.GetString() == "intranet");
        Assert.True(stageDone.TryGetProperty("Elapsed", out _));
        Assert.True(stageDone.TryGetProperty("@t", out _));
        Assert.DoesNotContain(CrisisServerFixture.Password, server.Log);
        Assert.DoesNotContain(author.Token, server.Log);
    }
}
