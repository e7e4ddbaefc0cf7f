using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>
/// A console that lost the answer to its create or follow-up sends the same request again with
/// the same Idempotency-Key: it gets the draft the first request made, and no second one exists.
/// </summary>
[Collection(CrisisServerCollection.Name)]
public sealed class IdempotencyKeyTests(CrisisServerFixture f)
{
    [Fact]
    public async Task ACreateSentAgainWithItsKeyAnswersTheSameDraftAndMakesNoSecond()
    {
        var (body, sender) = Unique();
        var key = Guid.NewGuid().ToString();

        var first = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);
        var again = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);

        first.Answer.ShouldBe(HttpStatusCode.Created);
        again.Answer.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(first.Answer.Id, again.Answer.Id);
        Assert.Equal(first.Location, again.Location);
        Assert.Null(first.Replayed);
        Assert.Equal("true", again.Replayed);
        Assert.Equal([first.Answer.Id], await IdsFromAsync(sender));
    }

    [Fact]
    public async Task CreatesSentAtOnceWithOneKeyMakeOneDraft()
    {
        var (body, sender) = Unique();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key)));

        foreach (var a in answers) a.Answer.ShouldBe(HttpStatusCode.Created);
        Assert.Single(answers.Select(a => a.Answer.Id).Distinct());
        Assert.Equal([answers[0].Answer.Id], await IdsFromAsync(sender));
    }

    [Fact]
    public async Task TheKeyWithAnotherBodyIsRefusedAndMakesNothing()
    {
        var (body, sender) = Unique();
        var key = Guid.NewGuid().ToString();
        var first = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);

        body["link"] = "https://www.linkoping.se/kris/annat";
        var other = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);

        other.Answer.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", other.Answer.ContentType);
        Assert.NotNull(other.Answer.Json!["errors"]!["Idempotency-Key"]);
        Assert.Equal([first.Answer.Id], await IdsFromAsync(sender));
    }

    [Fact]
    public async Task AnotherOfficersSameKeyIsTheirOwn()
    {
        var (body, sender) = Unique();
        var key = Guid.NewGuid().ToString();

        var anna = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);
        var dora = await f.Director.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);

        Assert.NotEqual(anna.Answer.ShouldBe(HttpStatusCode.Created).Id, dora.Answer.ShouldBe(HttpStatusCode.Created).Id);
        Assert.Equal(2, (await IdsFromAsync(sender)).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("nyckel med mellanslag")]
    [InlineData(null)] // 256 characters
    public async Task ABadKeyIsA400NamingTheHeaderAndMakesNothing(string? key)
    {
        var (body, sender) = Unique();

        var refused = await f.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key ?? new string('k', 256));

        refused.Answer.ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(refused.Answer.Json!["errors"]!["Idempotency-Key"]);
        Assert.Empty(await IdsFromAsync(sender));
    }

    [Fact]
    public async Task AFollowUpSentAgainWithItsKeyAnswersTheSameDraftEvenThoughItsSourceMovedOn()
    {
        var alert = await f.PublishAsync(SampleNotices.Water());
        var read = (await f.Author.GetAsync(alert)).ShouldBe(HttpStatusCode.OK);
        var incident = read.Json!["incidentId"]!.GetValue<string>();
        var (body, _) = Unique();
        var key = Guid.NewGuid().ToString();

        // With If-Match the source is saved with the update, so its ETag has moved on by the retry.
        var first = await f.Author.SendWithKeyAsync(HttpMethod.Post, $"/api/v1/notices/{alert}/updates", body, key, read.ETag);
        var again = await f.Author.SendWithKeyAsync(HttpMethod.Post, $"/api/v1/notices/{alert}/updates", body, key, read.ETag);

        Assert.Equal(first.Answer.ShouldBe(HttpStatusCode.Created).Id, again.Answer.ShouldBe(HttpStatusCode.Created).Id);
        Assert.Equal("true", again.Replayed);
        var stored = (await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?incidentId={incident}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([1, 2], stored.Json!.AsArray().Select(n => n!["version"]!.GetValue<int>()).Order());

        // The same key for the all-clear is another request.
        var allClear = await f.Author.SendWithKeyAsync(HttpMethod.Post, $"/api/v1/notices/{alert}/all-clear", body, key);
        allClear.Answer.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    /// <summary>A notice body whose sender no other test uses, to count the notices made of it.</summary>
    private static (Dictionary<string, object?> Body, string Sender) Unique()
    {
        var body = SampleNotices.Water();
        var sender = $"Linköpings kommun {Guid.NewGuid():N}";
        body["sender"] = sender;
        return (body, sender);
    }

    private async Task<List<string>> IdsFromAsync(string sender)
    {
        var all = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);
        return all.Json!.AsArray().Where(n => n!["sender"]?.GetValue<string>() == sender).Select(n => n!["id"]!.GetValue<string>()).ToList();
    }
}
