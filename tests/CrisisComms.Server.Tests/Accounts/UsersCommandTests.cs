using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>The users command and the API are one account service: the same names are refused, and the command's changes end sessions too.</summary>
[Collection(AccountServerCollection.Name)]
public sealed class UsersCommandTests(AccountServerFixture f)
{
    [Theory]
    [InlineData("Zara")]
    [InlineData("zara berg")]
    [InlineData("zära")]
    [InlineData(".zara")]
    [InlineData("zaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaara")]
    public async Task TheCommandAndTheApiRefuseTheSameNames(string name)
    {
        var (exit, output) = await f.Server.RunCommandAsync(AccountServerFixture.Password, "users", "add", name, "--role", "author");
        Assert.Equal(2, exit);
        Assert.Contains("name:", output);

        var api = (await f.Admin.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{Uri.EscapeDataString(name)}",
            new { roles = new[] { "author" }, password = AccountServerFixture.Password })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(api.Json!["errors"]!["name"]);
        var list = await f.Server.RunCommandAsync(null, "users", "list");
        Assert.DoesNotContain(name, list.Output);
    }

    [Fact]
    public async Task DisablingOnTheCommandLineEndsTheSessionsAndIsAudited()
    {
        var ada = await f.AddOfficerAsync("ada", "author");
        var at = DateTimeOffset.UtcNow;
        var (exit, output) = await f.Server.RunCommandAsync(null, "users", "disable", "ada", "--reason", "Borttappad dator");
        Assert.True(exit == 0, output);
        await f.WaitUntilRefusedAsync(ada.Token, at, TimeSpan.FromSeconds(5));
        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit")).Json!.AsArray();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "account.disabled" && e["actor"]!.GetValue<string>() == "cli"
            && e["detail"]!.GetValue<string>() == "ada" && e["reason"]!.GetValue<string>() == "Borttappad dator");
    }
}
