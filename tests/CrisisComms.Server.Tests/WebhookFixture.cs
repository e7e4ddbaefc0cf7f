using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The real server with four webhooks on one fake receiver: <c>staff</c> (intranet, JSON), <c>site</c>
/// (public, JSON), <c>teams</c> (public, Teams card) and <c>drill</c> (intranet, exercises only).
/// A three-second intranet lead keeps the intranet and public stages apart; short leases and timeouts
/// make retries and take-overs happen within a test.
/// </summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    public FakeWebhookReceiver Receiver { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await FakeWebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = "00:00:03",
            ["CrisisComms:Dispatch:Social:Lease"] = "00:00:04",
            ["CrisisComms:Dispatch:Webhooks:Timeout"] = "00:00:02",
            ["CrisisComms:Dispatch:Webhooks:FirstRetry"] = "00:00:00.300",
        };
        foreach (var (key, value) in Receiver.Configuration("staff", "intranet")
            .Concat(Receiver.Configuration("site", "public"))
            .Concat(Receiver.Configuration("teams", "public", "teams"))
            .Concat(Receiver.Configuration("drill", "intranet", mode: "exercise")))
            settings[key] = value;
        Server = await ServerProcess.StartAsync(settings);
        await Server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await Server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        await SignInAsync();
    }

    public async Task SignInAsync()
    {
        Author = await Officer.SignInAsync(Server.BaseAddress, "anna", CrisisServerFixture.Password);
        Approver = await Officer.SignInAsync(Server.BaseAddress, "bosse", CrisisServerFixture.Password);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    public async Task<string> PublishAsync(string marker, string mode = "actual")
    {
        var id = await Author.DraftAndSubmitAsync(SampleNotices.Water(mode: mode, headline: $"Koka vattnet i Ryd {marker}"));
        (await Approver.ApproveAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        return id;
    }

    /// <summary>Waits until the stage has finished one way or another, and returns it.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> WaitForStageAsync(string id, string stage, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            var notice = await Author.GetAsync(id);
            var found = notice.Json!["stages"]!.AsArray().FirstOrDefault(s => s!["name"]!.GetValue<string>() == stage)?.AsObject();
            if (found?["state"]!.GetValue<string>() is "done" or "failed" or "skipped" or "cancelled") return found;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"The stage {stage} has not finished: {notice.Body}");
            await Task.Delay(200);
        }
    }
}
