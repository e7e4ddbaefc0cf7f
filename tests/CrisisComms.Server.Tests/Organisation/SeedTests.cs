using System.Net;
using System.Text.Json.Nodes;

namespace CrisisComms.Server.Tests.Organisation;

/// <summary>A first start stores the organisation from the configuration and the common municipal crises in its name.</summary>
public sealed class SeedTests(OrganisationServerFixture f) : IClassFixture<OrganisationServerFixture>
{
    public static readonly string[] SeededIds = ["fire", "it", "power", "road", "school", "storm", "water"];

    [Fact]
    public async Task AFirstStartSeedsTheCommonCrisesInThreeLanguagesWithTheConfiguredName()
    {
        var organisation = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(OrganisationServerFixture.Name, organisation["name"]!.GetValue<string>());
        Assert.Equal($"{OrganisationServerFixture.Name}, krisledningen", organisation["defaultSender"]!.GetValue<string>());
        Assert.Equal(["sv", "sv-x-easy", "en"], organisation["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("https://www.norrkoping.se/kris", organisation["crisisPage"]!.GetValue<string>());

        var templates = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Superset(SeededIds.ToHashSet(), templates.Select(t => t!["id"]!.GetValue<string>()).ToHashSet());
        foreach (var id in SeededIds)
        {
            var template = templates.Single(t => t!["id"]!.GetValue<string>() == id)!;
            Assert.Equal(["sv", "sv-x-easy", "en"], template["content"]!.AsObject().Select(kv => kv.Key));
            Assert.Equal(["sv", "sv-x-easy", "en"], template["allClear"]!.AsObject().Select(kv => kv.Key));
        }
        var it = templates.Single(t => t!["id"]!.GetValue<string>() == "it")!;
        Assert.Equal("Störning i e-tjänsterna hos Norrköpings kommun", it["content"]!["sv"]!["headline"]!.GetValue<string>());
        Assert.Equal("Disruption to the e-services of Norrköpings kommun", it["content"]!["en"]!["headline"]!.GetValue<string>());
        Assert.Equal("Met", templates.Single(t => t!["id"]!.GetValue<string>() == "storm")!["category"]!.GetValue<string>());
        Assert.DoesNotContain("Linköping", templates.ToJsonString());
        Assert.DoesNotContain("{organisation}", templates.ToJsonString());
    }

    [Fact]
    public async Task TheSeedIsAuditedOnceBySystem()
    {
        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        var seeded = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "organisation.seeded")!;
        Assert.Equal("system", seeded["actor"]!.GetValue<string>());
    }
}
