using System.Net;
using System.Xml.Linq;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Feeds;

public sealed class CapConfigurationTests
{
    private static readonly XNamespace Cap = CapSchema.Cap;

    [Theory]
    [InlineData("CrisisComms:Cap:Geocodes", "0580,123", "CrisisComms:Cap:Geocodes")]
    [InlineData("CrisisComms:Cap:Sender", "krisen linköping", "CrisisComms:Cap:Sender")]
    public async Task ABadCapSettingStopsTheServiceNamingTheKey(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task TheConfiguredSenderAndAreaAreInEveryMessage()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Site:Domain"] = "norrkoping.se",
            ["CrisisComms:Cap:Sender"] = "krisledning@norrkoping.se",
            ["CrisisComms:Cap:AreaDesc"] = "Norrköpings kommun",
            ["CrisisComms:Cap:Geocodes"] = "0581, 05",
        });
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var approver = await Officer.SignInAsync(server.BaseAddress, "bosse", CrisisServerFixture.Password);
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water());
        (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var alert = CapSchema.Valid(await http.GetStringAsync($"/cap/urn:crisiscomms:norrkoping.se:{id}:alert.xml"));
        Assert.Equal("krisledning@norrkoping.se", alert.Text("sender"));
        var area = alert.Element(Cap + "info")!.Element(Cap + "area")!;
        Assert.Equal("Norrköpings kommun", area.Text("areaDesc"));
        Assert.Equal([("Kommunkod", "0581"), ("Länskod", "05")],
            area.Elements(Cap + "geocode").Select(g => (g.Text("valueName"), g.Text("value"))));
    }
}
