using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Records;

/// <summary>
/// A real server whose retention periods are seconds: ended incidents go 8 s after their end
/// (time enough to download the archive first), disabled accounts lose their personal data after 2 s.
/// </summary>
public sealed class RetentionServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan EndedIncidents = TimeSpan.FromSeconds(8);

    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;
    public Officer Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = "00:00:01",
            ["CrisisComms:Retention:EndedIncidents"] = EndedIncidents.ToString(),
            ["CrisisComms:Retention:DisabledAccounts"] = "00:00:02",
            ["CrisisComms:Retention:SweepInterval"] = "00:00:01",
        });
        await Server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await Server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        await Server.AddAccountAsync("adam", CrisisServerFixture.Password, "admin");
        Author = await Officer.SignInAsync(Server.BaseAddress, "anna", CrisisServerFixture.Password);
        Approver = await Officer.SignInAsync(Server.BaseAddress, "bosse", CrisisServerFixture.Password);
        Admin = await Officer.SignInAsync(Server.BaseAddress, "adam", CrisisServerFixture.Password);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Written, submitted and approved; returns the notice id (an alert's id is its incident's).</summary>
    public async Task<string> PublishAsync(string headline)
    {
        var id = await Author.DraftAndSubmitAsync(SampleNotices.Water(headline: headline));
        (await Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The SHA-256 of the archive as an approver downloads it.</summary>
    public async Task<string> DownloadArchiveSha256Async(string incidentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{incidentId}/archive");
        request.Headers.Authorization = new("Bearer", Approver.Token);
        using var http = Server.CreateClient();
        try
        {
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"The archive of {incidentId} could not be downloaded:\n{Server.Log}", e);
        }
    }

    /// <summary>Waits (polling the audit API) for the first entry that <paramref name="match"/> accepts.</summary>
    public async Task<JsonObject> WaitForAuditAsync(string query, Func<JsonObject, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var log = (await Admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?limit=1000&{query}")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
            if (log.Select(e => e!.AsObject()).FirstOrDefault(match) is { } found) return found;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"No such audit entry for {query}: {log.ToJsonString()}\n{Server.Log}");
            await Task.Delay(200);
        }
    }

    public static string Action(JsonNode? entry) => entry!["action"]!.GetValue<string>();
}

[CollectionDefinition(Name)]
public sealed class RetentionServerCollection : ICollectionFixture<RetentionServerFixture>
{
    public const string Name = "retention server";
}
