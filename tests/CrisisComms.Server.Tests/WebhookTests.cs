using CrisisComms.Testing.Client;
using System.Net;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>Signed webhook deliveries, as stages of the dispatch: once per (notice, event, webhook), whatever happens on the way.</summary>
public sealed class WebhookTests(WebhookFixture f) : IClassFixture<WebhookFixture>
{
    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ADeliveryAnswered503TwiceIsAcceptedOnceWithTheSameKeyOnEveryTry()
    {
        var marker = Marker();
        f.Receiver.AnswerNext("staff", marker, 503, 503);
        var id = await f.PublishAsync(marker);

        var stage = await f.WaitForStageAsync(id, "webhook:staff");

        var tries = f.Receiver.Deliveries.Where(d => d.Hook == "staff" && d.Body.ToJsonString().Contains(marker)).ToList();
        Assert.Equal([503, 503, 200], tries.Select(d => d.Answered));
        Assert.All(tries, d => Assert.True(d.SignatureValid));
        Assert.Single(tries.Select(d => d.IdempotencyKey).Distinct());
        var accepted = Assert.Single(f.Receiver.Accepted(marker), d => d.Hook == "staff");
        Assert.Equal("published", accepted.Event);
        Assert.Equal(id, accepted.Body["banner"]!["id"]!.GetValue<string>());
        Assert.Equal("done", stage["state"]!.GetValue<string>());
        Assert.Equal(3, stage["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheIntranetWebhookHearsBeforeThePublicStageRuns()
    {
        var marker = Marker();
        var id = await f.PublishAsync(marker);

        await f.Receiver.WaitForAsync(d => d.Hook == "staff" && d.Body.ToJsonString().Contains(marker));
        var meanwhile = await f.Author.GetAsync(id);
        Assert.NotEqual("done", meanwhile.Stage("public")["state"]!.GetValue<string>());
        Assert.DoesNotContain(f.Receiver.Deliveries, d => d.Hook == "site" && d.Body.ToJsonString().Contains(marker));

        await f.Receiver.WaitForAsync(d => d.Hook == "site" && d.Body.ToJsonString().Contains(marker));
        var after = await f.Author.GetAsync(id);
        Assert.Equal("done", after.Stage("public")["state"]!.GetValue<string>());
        Assert.Equal("public", f.Receiver.Accepted(marker).Single(d => d.Hook == "site").Body["audience"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATeamsWebhookGetsAnAdaptiveCardWithTheHeadlineAndColour()
    {
        var marker = Marker();
        await f.PublishAsync(marker);

        var card = await f.Receiver.WaitForAsync(d => d.Hook == "teams" && d.Body.ToJsonString().Contains(marker));

        Assert.True(card.SignatureValid);
        Assert.Equal("message", card.Body["type"]!.GetValue<string>());
        var attachment = Assert.Single(card.Body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var content = attachment["content"]!;
        Assert.Equal("AdaptiveCard", content["type"]!.GetValue<string>());
        Assert.Equal("1.4", content["version"]!.GetValue<string>());
        var header = content["body"]![0]!;
        Assert.Equal("attention", header["style"]!.GetValue<string>()); // critical
        Assert.Contains(marker, header["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Action.OpenUrl", content["actions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWithdrawalSendsAWithdrawnEventToTheReceiversThatHadTheNotice()
    {
        var marker = Marker();
        var id = await f.PublishAsync(marker);
        await f.WaitForStageAsync(id, "webhook:staff");

        (await f.Approver.WithdrawAsync(id, "Fel område")).ShouldBe(HttpStatusCode.OK);

        var withdrawn = await f.Receiver.WaitForAsync(d => d.Hook == "staff" && d.Event == "withdrawn" && d.Body.ToJsonString().Contains(marker));
        Assert.True(withdrawn.SignatureValid);
        Assert.Equal($"{id}-webhook-staff-withdrawn", withdrawn.IdempotencyKey);
        var stage = await f.WaitForStageAsync(id, "webhook:staff:withdrawn");
        Assert.Equal("done", stage["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUpdateWithdrawnBeforeItReachedThePublicStillTellsThePublicWebhook()
    {
        var marker = Marker();
        var first = await f.PublishAsync(marker);
        await f.WaitForStageAsync(first, "webhook:site");
        var update = await f.Author.UpdateAsync(first, SampleNotices.Water(headline: $"Koka vattnet i Ryd och Lambohov {marker}"));
        update.ShouldBe(HttpStatusCode.Created);
        var second = update.Json!["id"]!.GetValue<string>();
        (await f.Author.SubmitAsync(second)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(second)).ShouldBe(HttpStatusCode.OK);

        (await f.Approver.WithdrawAsync(second, "Fel område")).ShouldBe(HttpStatusCode.OK);

        var withdrawn = await f.Receiver.WaitForAsync(d => d.Hook == "site" && d.Event == "withdrawn" && d.Body.ToJsonString().Contains(marker));
        Assert.Equal($"{second}-webhook-site-withdrawn", withdrawn.IdempotencyKey);
    }

    [Fact]
    public async Task AnExerciseReachesOnlyTheWebhookSetToExercises()
    {
        var marker = Marker();
        var id = await f.PublishAsync(marker, mode: "exercise");

        var drill = await f.WaitForStageAsync(id, "webhook:drill");
        Assert.Equal("done", drill["state"]!.GetValue<string>());
        Assert.Equal("skipped", (await f.WaitForStageAsync(id, "webhook:staff"))["state"]!.GetValue<string>());
        Assert.Equal("exercise", Assert.Single(f.Receiver.Accepted(marker)).Body["banner"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANodeKilledMidDeliveryRedeliversWithTheSameKeyAndTheStageEndsDoneOnce()
    {
        var marker = Marker();
        f.Receiver.AnswerNext("staff", marker, 0); // the receiver takes the first delivery and never answers
        var id = await f.PublishAsync(marker);
        var held = await f.Receiver.WaitForAsync(d => d.Hook == "staff" && d.Body.ToJsonString().Contains(marker));

        await f.Server.KillAsync();
        await f.Server.StartAsync();
        await f.SignInAsync();

        var again = await f.Receiver.WaitForAsync(d => d.Hook == "staff" && d.Body.ToJsonString().Contains(marker), count: 2, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(held.IdempotencyKey, again.IdempotencyKey);
        var stage = await f.WaitForStageAsync(id, "webhook:staff");
        Assert.Equal("done", stage["state"]!.GetValue<string>());
        Assert.Equal(2, stage["attempts"]!.GetValue<int>());
        Assert.Single(f.Receiver.Accepted(marker), d => d.Hook == "staff");
        Assert.DoesNotContain("whsec-", f.Server.Log);
    }

    [Theory]
    [InlineData("Url", "http://hooks.example.org/in", "CrisisComms:Webhooks:bad:Url")]
    [InlineData("Secret", "short", "CrisisComms:Webhooks:bad:Secret")]
    [InlineData("Audience", "everyone", "CrisisComms:Webhooks:bad:Audience")]
    [InlineData("Format", "xml", "CrisisComms:Webhooks:bad:Format")]
    public async Task ABadWebhookStopsTheServiceNamingTheKey(string field, string value, string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Webhooks:bad:Url"] = "https://hooks.example.org/in",
            ["CrisisComms:Webhooks:bad:Secret"] = "a-long-enough-secret-value",
            ["CrisisComms:Webhooks:bad:Audience"] = "intranet",
            ["CrisisComms:Webhooks:bad:Format"] = "json",
        };
        settings[$"CrisisComms:Webhooks:bad:{field}"] = value;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(settings));

        Assert.Contains(key, failure.Message);
        Assert.DoesNotContain("a-long-enough-secret-value", failure.Message);
    }
}
