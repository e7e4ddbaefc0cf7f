using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Organisation;

/// <summary>After the first start the stored settings and templates rule: a restart with another configured name changes nothing.</summary>
public sealed class StoredSettingsRuleTests
{
    private const string Password = OrganisationServerFixture.Password;

    [Fact]
    public async Task ARestartWithAnotherConfiguredNameKeepsWhatWasStoredAndDoesNotSeedAgain()
    {
        await using var first = await ServerProcess.StartAsync(OrganisationServerFixture.Settings("Motala kommun"));
        await first.AddAccountAsync("adam", Password, "admin");
        var admin = await Officer.SignInAsync(first.BaseAddress, "adam", Password);
        (await admin.SendAsync(HttpMethod.Delete, "/api/v1/templates/school")).ShouldBe(HttpStatusCode.NoContent);
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/organisation",
            new { name = "Motala kommun", defaultSender = "Motala kommun, kriskommunikation", languages = new[] { "sv", "en" } })).ShouldBe(HttpStatusCode.OK);
        await first.KillAsync();

        await using var second = await ServerProcess.StartAsync(OrganisationServerFixture.Settings("Vadstena kommun"), dataFolder: first.DataFolder);
        admin = await Officer.SignInAsync(second.BaseAddress, "adam", Password);
        var organisation = (await admin.SendAsync(HttpMethod.Get, "/api/v1/organisation")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("Motala kommun", organisation["name"]!.GetValue<string>());
        Assert.Equal("Motala kommun, kriskommunikation", organisation["defaultSender"]!.GetValue<string>());
        Assert.Equal(["sv", "en"], organisation["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        var templates = (await admin.SendAsync(HttpMethod.Get, "/api/v1/templates")).Json!.AsArray();
        Assert.DoesNotContain(templates, t => t!["id"]!.GetValue<string>() == "school");
        Assert.DoesNotContain("Vadstena", templates.ToJsonString());
        Assert.Contains("Motala kommun", templates.Single(t => t!["id"]!.GetValue<string>() == "it")!.ToJsonString());
        var audit = (await admin.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).Json!.AsArray();
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "organisation.seeded");
    }
}
