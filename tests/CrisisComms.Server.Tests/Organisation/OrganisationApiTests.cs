using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Organisation;

/// <summary>Officers read the organisation and the templates; admins change them, each change audited; bad input is a 400 naming the field.</summary>
public sealed class OrganisationApiTests(OrganisationServerFixture f) : IClassFixture<OrganisationServerFixture>
{
    internal static object Template(string id, string headline, string category = "Fire") => new
    {
        id,
        name = new Dictionary<string, string> { ["sv"] = $"Mall {id}", ["en"] = $"Template {id}" },
        severity = "warning",
        category,
        slug = id,
        content = new Dictionary<string, object>
        {
            ["sv"] = new { headline, lead = "Ingressen på svenska.", instruction = "Gör så här." },
            ["en"] = new { headline = "In English", lead = "The lead in English." },
        },
        allClear = new Dictionary<string, object> { ["sv"] = new { headline = "Faran är över", lead = "Allt är som vanligt igen." } },
    };

    [Fact]
    public async Task OfficersReadAndOnlyAnAdminChanges()
    {
        foreach (var reader in new[] { f.Author, f.Approver, f.Director, f.Admin })
        {
            (await reader.SendAsync(HttpMethod.Get, "/api/v1/organisation")).ShouldBe(HttpStatusCode.OK);
            (await reader.SendAsync(HttpMethod.Get, "/api/v1/templates")).ShouldBe(HttpStatusCode.OK);
        }
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/organisation")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/templates")).ShouldBe(HttpStatusCode.Forbidden);

        var before = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Body;
        foreach (var officer in new[] { f.Author, f.Approver, f.Director })
        {
            (await officer.SendAsync(HttpMethod.Put, "/api/v1/organisation", new { name = "Fel", defaultSender = "Fel", languages = new[] { "sv" } }))
                .ShouldBe(HttpStatusCode.Forbidden);
            (await officer.SendAsync(HttpMethod.Post, "/api/v1/templates", Template("not-mine", "Inte min"))).ShouldBe(HttpStatusCode.Forbidden);
            (await officer.SendAsync(HttpMethod.Put, "/api/v1/templates/storm", Template("storm", "Inte min"))).ShouldBe(HttpStatusCode.Forbidden);
            (await officer.SendAsync(HttpMethod.Delete, "/api/v1/templates/storm")).ShouldBe(HttpStatusCode.Forbidden);
        }
        Assert.Equal(before, (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Body);
        (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates/storm")).ShouldBe(HttpStatusCode.OK);
        (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates/not-mine")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name":"X","defaultSender":"X","languages":["en","sv"]}""", "languages")]
    [InlineData("""{"name":"X","defaultSender":"X","languages":["sv","not a tag"]}""", "languages[1]")]
    [InlineData("""{"name":"X","defaultSender":"X","languages":["sv","en","en"]}""", "languages[2]")]
    [InlineData("""{"name":"X","defaultSender":"X","languages":[]}""", "languages")]
    [InlineData("""{"name":" ","defaultSender":"X","languages":["sv"]}""", "name")]
    [InlineData("""{"name":"X","languages":["sv"]}""", "defaultSender")]
    [InlineData("""{"name":"X","defaultSender":"X","languages":["sv"],"crisisPage":"http://example.se/kris"}""", "crisisPage")]
    [InlineData("""{"name":"X","defaultSender":"X","languages":"sv"}""", "languages")]
    public async Task BadOrganisationSettingsAreRefusedNamingTheFieldAndChangeNothing(string body, string field)
    {
        var before = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Body;
        var refused = (await SendRawAsync(HttpMethod.Put, "/api/v1/organisation", body)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(refused.Json!["errors"]![field]);
        Assert.Equal(before, (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Body);
    }

    [Theory]
    [InlineData("category", "weather")]
    [InlineData("id", "Bad Id")]
    [InlineData("severity", "")]
    [InlineData("content.sv", "")]
    [InlineData("content.en.lead", "")]
    [InlineData("name.sv", "")]
    [InlineData("allClear.sv.headline", "")]
    [InlineData("slug", "a/b")]
    public async Task BadTemplatesAreRefusedNamingTheFieldAndChangeNothing(string field, string value)
    {
        var template = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Template("bad-one", "Rubrik"), Json))!.AsObject();
        switch (field)
        {
            case "category" or "id" or "slug": template[field] = value; break;
            case "severity": template.Remove("severity"); break;
            case "content.sv": template["content"]!.AsObject().Remove("sv"); break;
            case "content.en.lead": template["content"]!["en"]!.AsObject().Remove("lead"); break;
            case "name.sv": template["name"]!.AsObject().Remove("sv"); break;
            case "allClear.sv.headline": template["allClear"]!["sv"]!["headline"] = "  "; break;
        }
        var refused = (await SendRawAsync(HttpMethod.Post, "/api/v1/templates", template.ToJsonString())).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(refused.Json!["errors"]![field]);
        var changed = (await SendRawAsync(HttpMethod.Put, "/api/v1/templates/storm", template.ToJsonString()))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(changed.Json!["errors"]![field == "id" ? "id" : field]);
        var list = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates")).Json!.AsArray();
        Assert.DoesNotContain(list, t => t!["id"]!.GetValue<string>() == "bad-one");
        Assert.Equal("Met", list.Single(t => t!["id"]!.GetValue<string>() == "storm")!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAdminsChangesAreServedAndAuditedUnderTheirName()
    {
        var saved = (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/organisation", new
        {
            name = OrganisationServerFixture.Name,
            defaultSender = "Norrköpings kommun, kommunikationsavdelningen",
            languages = new[] { "sv", "sv-x-easy", "en", "ar" },
            crisisPage = "https://www.norrkoping.se/kris",
        })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("ar", saved.Json!["languages"]![3]!.GetValue<string>());
        var read = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Json!;
        Assert.Equal("Norrköpings kommun, kommunikationsavdelningen", read["defaultSender"]!.GetValue<string>());

        var created = (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/templates", Template("heat", "Värmebölja"))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Fire", created.Json!["category"]!.GetValue<string>());
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/templates", Template("heat", "Igen"))).ShouldBe(HttpStatusCode.Conflict);
        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/templates/heat", Template("heat", "Värmebölja i veckan", "Met"))).ShouldBe(HttpStatusCode.OK);
        var heat = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates/heat")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("Värmebölja i veckan", heat["content"]!["sv"]!["headline"]!.GetValue<string>());
        Assert.Equal("Met", heat["category"]!.GetValue<string>());
        (await f.Admin.SendAsync(HttpMethod.Delete, "/api/v1/templates/heat")).ShouldBe(HttpStatusCode.NoContent);
        (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/templates/heat")).ShouldBe(HttpStatusCode.NotFound);
        (await f.Admin.SendAsync(HttpMethod.Delete, "/api/v1/templates/heat")).ShouldBe(HttpStatusCode.NotFound);
        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/templates/heat", Template("heat", "Borta"))).ShouldBe(HttpStatusCode.NotFound);

        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).Json!.AsArray()
            .Where(e => e!["actor"]!.GetValue<string>() == "adam").Reverse().ToList();
        Assert.Contains(audit, e => Action(e) == "organisation.changed"
            && e!["detail"]!.GetValue<string>().Contains("defaultSender: Norrköpings kommun, kommunikationsavdelningen", StringComparison.Ordinal));
        var heatTrail = audit.Where(e => e!["detail"]?.GetValue<string>().StartsWith("heat ", StringComparison.Ordinal) == true).Select(Action);
        Assert.Equal(["template.created", "template.changed", "template.deleted"], heatTrail);
    }

    private static string Action(JsonNode? e) => e!["action"]!.GetValue<string>();

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string json) => f.Admin.SendAsync(method, path, json);
}
