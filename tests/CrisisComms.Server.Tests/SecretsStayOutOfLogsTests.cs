using System.Net;
using System.Net.Http.Json;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The server at its most talkative, ASP.NET Core's own request lines and HttpClient's included,
/// through sign-ins good and bad, both hubs with the token in the query as browsers send it, and a
/// notice posted to and withdrawn from every social channel: no line carries a secret.
/// </summary>
public sealed class SecretsStayOutOfLogsTests
{
    private const string WrongPassword = "Tr0ub4dor&3-never-in-a-log";

    [Fact]
    public async Task NoTokenPasswordOrSocialCredentialIsLoggedAtAnyLevel()
    {
        await using var x = await FakeX.StartAsync();
        await using var mastodon = await FakeMastodon.StartAsync();
        await using var facebook = await FakeFacebook.StartAsync();
        var settings = Everything();
        foreach (var (key, value) in x.Configuration().Concat(mastodon.Configuration()).Concat(facebook.Configuration())) settings[key] = value;
        await using var server = await ServerProcess.StartAsync(settings);
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        await server.AddAccountAsync("ada", CrisisServerFixture.Password, "admin");
        var admin = await Officer.SignInAsync(server.BaseAddress, "ada", CrisisServerFixture.Password);
        await admin.ApproveAllChannelsAsync();

        using var http = server.CreateClient();
        var refused = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "anna", password = WrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var approver = await Officer.SignInAsync(server.BaseAddress, "bosse", CrisisServerFixture.Password);
        await using var banners = await ConnectAsync(server, $"/hubs/banners?audience=intranet&access_token={author.Token}");
        await using var notices = await ConnectAsync(server, $"/hubs/notices?queue=approval&access_token={approver.Token}");
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        notices.On<object>("noticeChanged", _ => changed.TrySetResult());

        var id = await author.DraftAndSubmitAsync(SampleNotices.Water(channels: ["x", "mastodon", "facebook"]));
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        foreach (var fake in new FakeSocialServer[] { x, mastodon, facebook }) await fake.WaitForPostsAsync(1);
        (await approver.WithdrawAsync(id, "Fel område")).ShouldBe(HttpStatusCode.OK);
        await facebook.WaitForDeletesAsync(1);

        Assert.Contains("Request starting", server.Log);
        Assert.Contains("access_token=[redacted]", server.Log);
        LogSecrets.AssertNone(server.Log,
        [
            author.Token, approver.Token, admin.Token, CrisisServerFixture.Password, WrongPassword,
            x.Credentials.ConsumerSecret, x.Credentials.AccessToken, x.Credentials.AccessTokenSecret,
            mastodon.AccessToken, facebook.PageAccessToken,
        ]);
    }

    /// <summary>Every level on, down to Verbose, for the framework's categories as well as ours.</summary>
    private static Dictionary<string, string?> Everything()
    {
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Verbose", ["CrisisComms:Dispatch:IntranetLead"] = "00:00:01" };
        string[] framework = ["Hosting", "Server.Kestrel", "SignalR", "Http.Connections", "Authentication", "Authorization", "Routing", "StaticFiles", "Cors", "Diagnostics"];
        foreach (var category in framework) settings[$"Serilog:MinimumLevel:Override:Microsoft.AspNetCore.{category}"] = "Verbose";
        return settings;
    }

    private static async Task<HubConnection> ConnectAsync(ServerProcess server, string pathAndQuery)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, pathAndQuery)).Build();
        await connection.StartAsync();
        return connection;
    }
}
