using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The real server with all three social channels on, each pointing at a fake server on loopback
/// that checks what it receives (X checks the OAuth signature). Short timeouts and leases so that
/// retries and take-overs happen within a test. An admin approves the three channels right after the
/// start (an official account is posted to only once approved), unless <see cref="ApprovesChannels"/> is false.
/// </summary>
public class SocialServersFixture : IAsyncLifetime
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(4);

    public FakeX X { get; private set; } = null!;
    public FakeMastodon Mastodon { get; private set; } = null!;
    public FakeFacebook Facebook { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;
    public Officer Admin { get; private set; } = null!;

    protected virtual bool ApprovesChannels => true;

    /// <summary>Changes the server's settings before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public IEnumerable<FakeSocialServer> Fakes => [X, Mastodon, Facebook];

    public async Task InitializeAsync()
    {
        X = await FakeX.StartAsync();
        Mastodon = await FakeMastodon.StartAsync();
        Facebook = await FakeFacebook.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = "00:00:01",
            ["CrisisComms:Social:Timeout"] = "00:00:02",
            ["CrisisComms:Dispatch:Social:Lease"] = Lease.ToString(),
            ["CrisisComms:Dispatch:Social:FirstRetry"] = "00:00:00.500",
        };
        foreach (var (key, value) in X.Configuration().Concat(Mastodon.Configuration()).Concat(Facebook.Configuration()))
            settings[key] = value;
        Configure(settings);
        Server = await ServerProcess.StartAsync(settings);
        await Server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await Server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        await Server.AddAccountAsync("ada", CrisisServerFixture.Password, "admin");
        await SignInAsync();
        if (ApprovesChannels) await Admin.ApproveAllChannelsAsync();
    }

    public async Task SignInAsync()
    {
        Author = await Officer.SignInAsync(Server.BaseAddress, "anna", CrisisServerFixture.Password);
        Approver = await Officer.SignInAsync(Server.BaseAddress, "bosse", CrisisServerFixture.Password);
        Admin = await Officer.SignInAsync(Server.BaseAddress, "ada", CrisisServerFixture.Password);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var fake in Fakes) await fake.DisposeAsync();
    }

    /// <summary>A notice for everyone on all three channels, with a marker to find its posts by.</summary>
    public static Dictionary<string, object?> Notice(string marker, string? headline = null) =>
        SampleNotices.Water(headline: headline ?? $"Koka vattnet i Ryd {marker}", channels: ["x", "mastodon", "facebook"]);

    public async Task<string> PublishAsync(object notice)
    {
        var id = await Author.DraftAndSubmitAsync(notice);
        (await Approver.ApproveAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        return id;
    }

    /// <summary>Waits until the notice's social stages have all finished one way or another.</summary>
    public async Task<ApiResponse> WaitForSocialStagesAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            var notice = await Author.GetAsync(id);
            var social = notice.Json!["stages"]!.AsArray().Where(s => s!["name"]!.GetValue<string>().StartsWith("social:")).ToList();
            if (social.All(s => s!["state"]!.GetValue<string>() is "done" or "failed" or "skipped" or "cancelled")) return notice;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Social stages still running: {notice.Body}");
            await Task.Delay(200);
        }
    }

    /// <summary>Reads GET /api/v1/channels until <paramref name="channel"/> is as <paramref name="expected"/> says; returns that answer.</summary>
    public async Task<ApiResponse> WaitForChannelAsync(Officer officer, string channel, Func<System.Text.Json.Nodes.JsonNode, bool> expected)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var channels = (await officer.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(System.Net.HttpStatusCode.OK);
            if (channels.Json!.AsArray().Any(c => c!["name"]!.GetValue<string>() == channel && expected(c))) return channels;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{channel} never became as expected: {channels.Body}");
            await Task.Delay(100);
        }
    }

    public static IReadOnlyList<FakePost> PostsWith(FakeSocialServer fake, string marker) =>
        [.. fake.Posts.Where(p => p.Text.Contains(marker))];
}
