using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Approve what you saw: every change is made only on the version the officer read (ETag, If-Match).</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class ConditionalChangeTests(CrisisServerFixture f)
{
    private string Path(string id, string action = "") => $"/api/v1/notices/{id}{action}";

    [Fact]
    public async Task TheETagChangesWithEveryChangeAndEachChangeAnswersTheNewOne()
    {
        var created = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created);
        var id = created.Id;
        var read = (await f.Author.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        Assert.Matches("^\"\\d+\"$", read.ETag);
        Assert.Equal(created.ETag, read.ETag);

        var edited = (await f.Author.SendAsync(HttpMethod.Put, Path(id), SampleNotices.Water(headline: "Ny rubrik"), read.ETag)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(edited.ETag, (await f.Author.GetAsync(id)).ETag);
        var submitted = (await f.Author.SendAsync(HttpMethod.Post, Path(id, "/submit"), ifMatch: edited.ETag)).ShouldBe(HttpStatusCode.OK);
        var approved = (await f.Approver.SendAsync(HttpMethod.Post, Path(id, "/approve"), new { }, submitted.ETag)).ShouldBe(HttpStatusCode.OK);

        string?[] tags = [read.ETag, edited.ETag, submitted.ETag, approved.ETag];
        Assert.Equal(tags.Length, tags.Distinct().Count());
        Assert.Equal("live", approved.State);
    }

    [Fact]
    public async Task AnApprovalOfAVersionThatChangedSinceIsRefusedAndChangesNothing()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var seen = (await f.Author.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK).ETag;
        // The author takes it back and changes the text while the approver still looks at the old one.
        (await f.Approver.RejectAsync(id, "Fel område")).ShouldBe(HttpStatusCode.OK);
        (await f.Author.SendAsync(HttpMethod.Put, Path(id), SampleNotices.Water(headline: "Annan text"))).ShouldBe(HttpStatusCode.OK);
        var resubmitted = (await f.Author.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);

        var stale = await f.Approver.SendAsync(HttpMethod.Post, Path(id, "/approve"), new { }, seen);

        stale.ShouldBe(HttpStatusCode.PreconditionFailed);
        Assert.Equal("application/problem+json", stale.ContentType);
        Assert.Contains("changed since you read it", stale.Json!["title"]!.GetValue<string>());
        var after = (await f.Author.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("pendingApproval", after.State);
        Assert.Equal(resubmitted.ETag, after.ETag);
        Assert.DoesNotContain((await f.Admin.AuditAsync(id)).Json!.AsArray(), a => a!["action"]!.GetValue<string>() == "notice.approved");
    }

    [Fact]
    public async Task EveryKindOfChangeHonoursIfMatch()
    {
        var live = await f.PublishAsync(SampleNotices.Water());
        var old = "\"1\"";
        Assert.NotEqual(old, (await f.Author.GetAsync(live)).ETag);
        (await f.Approver.SendAsync(HttpMethod.Post, Path(live, "/release-next"), ifMatch: old)).ShouldBe(HttpStatusCode.PreconditionFailed);
        (await f.Approver.SendAsync(HttpMethod.Post, Path(live, "/withdraw"), new { reason = "fel" }, old)).ShouldBe(HttpStatusCode.PreconditionFailed);
        (await f.Author.SendAsync(HttpMethod.Post, Path(live, "/updates"), SampleNotices.Water(), old)).ShouldBe(HttpStatusCode.PreconditionFailed);
        (await f.Author.SendAsync(HttpMethod.Post, Path(live, "/all-clear"), SampleNotices.Water(), old)).ShouldBe(HttpStatusCode.PreconditionFailed);
        Assert.Single((await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?incidentId={live}")).Json!.AsArray());
        Assert.Equal("live", (await f.Author.GetAsync(live)).State);

        var draft = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SendAsync(HttpMethod.Post, Path(draft, "/submit"), ifMatch: "\"999\"")).ShouldBe(HttpStatusCode.PreconditionFailed);
        var pending = (await f.Author.SubmitAsync(draft)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.SendAsync(HttpMethod.Post, Path(draft, "/reject"), new { reason = "nej" }, "\"999\"")).ShouldBe(HttpStatusCode.PreconditionFailed);
        (await f.Approver.SendAsync(HttpMethod.Post, Path(draft, "/reject"), new { reason = "nej" }, pending.ETag)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoOfficersChangingTheSameVersionAtOnceOneWinsTheOtherIsTold()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
            var seen = (await f.Author.GetAsync(id)).ETag;
            var both = await Task.WhenAll(
                f.Author.SendAsync(HttpMethod.Put, Path(id), SampleNotices.Water(headline: "Annas text"), seen),
                f.Approver.SendAsync(HttpMethod.Put, Path(id), SampleNotices.Water(headline: "Bosses text"), seen));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], both.Select(r => r.Status).Order());
        }
    }

    [Fact]
    public async Task AMalformedIfMatchIsABadRequestNamingTheHeader()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var bad = (await f.Author.SendAsync(HttpMethod.Post, Path(id, "/submit"), ifMatch: "3")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(bad.Json!["errors"]!["If-Match"]);
        Assert.Equal("draft", (await f.Author.GetAsync(id)).State);
    }
}
