using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Feeds;

[Collection(CrisisServerCollection.Name)]
public sealed class CapMessageTests(CrisisServerFixture f)
{
    private static readonly XNamespace Cap = CapSchema.Cap;
    private const string Sender = "crisis@linkoping.se";

    private static string Identifier(string id, string kind) => $"urn:crisiscomms:linkoping.se:{id}:{kind}";

    private async Task<HttpResponseMessage> FetchAsync(string identifier)
    {
        using var anonymous = new HttpClient { BaseAddress = f.Address };
        return await anonymous.GetAsync($"/cap/{identifier}.xml");
    }

    private async Task<XElement> CapAsync(string identifier)
    {
        using var response = await FetchAsync(identifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/cap+xml", response.Content.Headers.ContentType?.MediaType);
        return CapSchema.Valid(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Approved by another officer and released to the public at once; returns the public stage's moment.</summary>
    private async Task<string> GoPublicAsync(string id)
    {
        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var released = (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        var doneAt = DateTimeOffset.Parse(released.Stage("public")["doneAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        return doneAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AnAlertIsACapAlertOnceItsPublicStageHasRun()
    {
        var notice = SampleNotices.Water(headline: "CAP-larm");
        notice["category"] = "Health";
        var id = await f.Author.DraftAndSubmitAsync(notice);
        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        using (var early = await FetchAsync(Identifier(id, "alert")))
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode); // on the intranet only, so far

        var sent = DateTimeOffset.Parse((await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK)
            .Stage("public")["doneAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var alert = await CapAsync(Identifier(id, "alert"));

        Assert.Equal(Identifier(id, "alert"), alert.Text("identifier"));
        Assert.Equal(Sender, alert.Text("sender"));
        Assert.Equal(sent.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture), alert.Text("sent"));
        Assert.Equal("Actual", alert.Text("status"));
        Assert.Equal("Alert", alert.Text("msgType"));
        Assert.Equal("Public", alert.Text("scope"));
        Assert.Null(alert.Element(Cap + "references"));

        var infos = alert.Elements(Cap + "info").ToList();
        Assert.Equal(["sv", "sv-x-easy", "en"], infos.Select(i => i.Text("language")));
        var sv = infos[0];
        Assert.Equal("Health", sv.Text("category"));
        Assert.Equal("Severe", sv.Text("severity"));
        Assert.Equal("Immediate", sv.Text("urgency"));
        Assert.Equal("Linköpings kommun, krisledningen", sv.Text("senderName"));
        Assert.Equal("CAP-larm", sv.Text("headline"));
        Assert.StartsWith("Koka vattnet innan du dricker det.", sv.Text("description"));
        Assert.Equal("Koka i minst tre minuter.", sv.Text("instruction"));
        Assert.Equal("https://www.linkoping.se/kris/vatten", sv.Text("web"));
        Assert.True(DateTimeOffset.Parse(sv.Text("expires"), CultureInfo.InvariantCulture) > sent);
        Assert.Equal("Koka vattnet", infos[1].Text("headline"));
        Assert.Equal("Boil your tap water", infos[2].Text("headline"));
        foreach (var info in infos)
        {
            var area = info.Element(Cap + "area")!;
            Assert.Equal("Linköpings kommun", area.Text("areaDesc"));
            Assert.Equal("0580", area.Element(Cap + "geocode")!.Text("value"));
        }

        // Issued once, never changed: read again, the same bytes.
        using var again = await FetchAsync(Identifier(id, "alert"));
        Assert.Equal(alert.ToString(), XDocument.Parse(await again.Content.ReadAsStringAsync()).Root!.ToString());
    }

    [Fact]
    public async Task UpdatesAndTheAllClearReferenceTheMessageTheyReplace()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "CAP-kedja"));
        var alertSent = await GoPublicAsync(id);
        var update = (await f.Author.UpdateAsync(id, SampleNotices.Water(headline: "CAP-kedja, uppdaterad"))).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(update)).ShouldBe(HttpStatusCode.OK);
        var updateSent = await GoPublicAsync(update);
        var allClear = (await f.Author.AllClearAsync(update, SampleNotices.Water(headline: "CAP-kedja, faran över"))).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(allClear)).ShouldBe(HttpStatusCode.OK);
        await GoPublicAsync(allClear);

        var second = await CapAsync(Identifier(update, "update"));
        Assert.Equal("Update", second.Text("msgType"));
        Assert.Equal($"{Sender},{Identifier(id, "alert")},{alertSent}", second.Text("references"));
        Assert.Equal("CAP-kedja, uppdaterad", second.Element(Cap + "info")!.Text("headline"));

        var last = await CapAsync(Identifier(allClear, "allclear"));
        Assert.Equal("Update", last.Text("msgType"));
        Assert.Equal($"{Sender},{Identifier(update, "update")},{updateSent}", last.Text("references"));
        var info = last.Element(Cap + "info")!;
        Assert.Equal("AllClear", info.Text("responseType"));
        Assert.Equal("Past", info.Text("urgency"));

        // The first message is still there, as it was.
        Assert.Equal("Alert", (await CapAsync(Identifier(id, "alert"))).Text("msgType"));
    }

    [Fact]
    public async Task AWithdrawalIsACancelReferencingTheWithdrawnMessage()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "CAP-återkallat"));
        var sent = await GoPublicAsync(id);
        using (var none = await FetchAsync(Identifier(id, "cancel")))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        (await f.Approver.WithdrawAsync(id, "Fel kommun")).ShouldBe(HttpStatusCode.OK);

        var cancel = await CapAsync(Identifier(id, "cancel"));
        Assert.Equal("Cancel", cancel.Text("msgType"));
        Assert.Equal(Identifier(id, "cancel"), cancel.Text("identifier"));
        Assert.Equal($"{Sender},{Identifier(id, "alert")},{sent}", cancel.Text("references"));
        Assert.Equal("Alert", (await CapAsync(Identifier(id, "alert"))).Text("msgType"));
    }

    [Fact]
    public async Task AnExerciseIsStatusExercise()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(mode: "exercise", headline: "CAP-övning"));
        await GoPublicAsync(id);
        var exercise = await CapAsync(Identifier(id, "alert"));
        Assert.Equal("Exercise", exercise.Text("status"));
        Assert.Equal(3, exercise.Elements(Cap + "info").Count());
    }

    [Fact]
    public async Task AStaffNoticeHasNoCapMessage()
    {
        var id = await f.PublishAsync(SampleNotices.Water(audience: "staff", headline: "CAP-personal"));
        (await f.Approver.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        using var response = await FetchAsync(Identifier(id, "alert"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("urn:crisiscomms:example.com:0123abcd:alert")]
    [InlineData("nonsense")]
    [InlineData("urn:crisiscomms:linkoping.se:0123abcd:alert")]
    public async Task AnIdentifierOfNoMessageIsNotFound(string identifier)
    {
        using var response = await FetchAsync(identifier);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void TheSchemaRefusesWhatCapRefuses()
    {
        const string zulu = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender>
            <sent>2026-11-23T12:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>
            """;
        Assert.NotEmpty(CapSchema.Errors(zulu));
    }
}
