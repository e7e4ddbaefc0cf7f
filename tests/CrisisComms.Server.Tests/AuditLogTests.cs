using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The audit log through the real server: paged back newest first, and its hash chain checked by
/// the API and the command line, before and after someone edits the database file directly.
/// A server of its own, because the test breaks its log.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string Password = CrisisServerFixture.Password;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        await _server.AddAccountAsync("anna", Password, "author");
        await _server.AddAccountAsync("bosse", Password, "approver");
        await _server.AddAccountAsync("adam", Password, "admin");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task TheLogPagesBackNewestFirstAndVerifyFindsAnEntryChangedInTheFile()
    {
        var author = await Officer.SignInAsync(_server.BaseAddress, "anna", Password);
        var approver = await Officer.SignInAsync(_server.BaseAddress, "bosse", Password);
        var admin = await Officer.SignInAsync(_server.BaseAddress, "adam", Password);
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water());
        (await approver.RejectAsync(id, "Fel kommun.")).ShouldBe(HttpStatusCode.OK);

        var newest = await PageAsync(admin, "/api/v1/audit?limit=1000");
        Assert.True(newest.Count >= 5, newest.ToJsonString());
        var total = newest[0]!["seq"]!.GetValue<long>();
        Assert.Equal(Enumerable.Range(1, (int)total).Reverse().Select(i => (long)i), newest.Select(e => e!["seq"]!.GetValue<long>()));
        Assert.All(newest, e => Assert.Matches("^[0-9a-f]{64}$", e!["hash"]!.GetValue<string>()));

        // Two at a time, back from the newest, while the log grows: the same entries, none twice.
        var paged = new List<JsonNode?>(await PageAsync(admin, "/api/v1/audit?limit=2"));
        (await author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created);
        while (paged.Count < newest.Count)
        {
            var page = await PageAsync(admin, $"/api/v1/audit?limit=2&before={paged[^1]!["seq"]}");
            Assert.NotEmpty(page);
            paged.AddRange(page.Select(e => e!.DeepClone()));
        }
        Assert.Equal(newest.Select(e => e!.ToJsonString()), paged.Select(e => e!.ToJsonString()));
        Assert.Empty(await PageAsync(admin, "/api/v1/audit?before=1"));

        foreach (var bad in new[] { "limit=0", "limit=1001", "limit=ten", "before=0", "before=x" })
        {
            var refused = (await admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?{bad}")).ShouldBe(HttpStatusCode.BadRequest);
            Assert.NotNull(refused.Json!["errors"]![bad.Split('=')[0]]);
        }

        (await approver.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).ShouldBe(HttpStatusCode.Forbidden);
        var entries = total + 1;
        Assert.Equal($$"""{"valid":true,"entries":{{entries}}}""", (await VerifyAsync(admin)).ToJsonString());
        var valid = await _server.RunCommandAsync(null, "audit", "verify");
        Assert.Equal(0, valid.ExitCode);
        Assert.Contains($$"""{"valid":true,"entries":{{entries}}}""", valid.Output);

        var rejected = newest.First(e => e!["action"]!.GetValue<string>() == "notice.rejected")!["seq"]!.GetValue<long>();
        EditReasonInTheFile(rejected, "Rätt kommun.");

        Assert.Equal($$"""{"valid":false,"firstInvalidSeq":{{rejected}}}""", (await VerifyAsync(admin)).ToJsonString());
        var invalid = await _server.RunCommandAsync(null, "audit", "verify");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains($$"""{"valid":false,"firstInvalidSeq":{{rejected}}}""", invalid.Output);
    }

    private static async Task<JsonArray> PageAsync(Officer officer, string path) =>
        (await officer.SendAsync(HttpMethod.Get, path)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

    private static async Task<JsonNode> VerifyAsync(Officer admin) =>
        (await admin.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).ShouldBe(HttpStatusCode.OK).Json!;

    // As someone with the file and the sqlite3 tool would: the append-only trigger dropped first.
    private void EditReasonInTheFile(long seq, string reason)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_server.DataFolder, "crisiscomms.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET doc = json_set(doc, '$.reason', $reason) WHERE seq = $seq";
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$seq", seq);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
