using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

/// <summary>
/// What makes a draft once is in Redis, not in a node: a create sent again to the other node with
/// its Idempotency-Key answers the same draft, and follow-ups drafted on both nodes at once get a
/// version each.
/// </summary>
public sealed class FollowUpsAcrossNodesTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task ACreateSentAgainToTheOtherNodeWithItsKeyAnswersTheSameDraft()
    {
        var annaOnB = await cluster.B.SignInAsync("anna");
        var body = SampleNotices.Water(headline: $"Koka vattnet {Guid.NewGuid():N}"[..30]);
        var key = Guid.NewGuid().ToString();

        var onA = await cluster.Author.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);
        var onB = await annaOnB.SendWithKeyAsync(HttpMethod.Post, "/api/v1/notices", body, key);

        Assert.Equal(onA.Answer.ShouldBe(HttpStatusCode.Created).Id, onB.Answer.ShouldBe(HttpStatusCode.Created).Id);
        Assert.Equal("true", onB.Replayed);
    }

    [Fact]
    public async Task FollowUpsDraftedOnBothNodesAtOnceGetAVersionEach()
    {
        var annaOnB = await cluster.B.SignInAsync("anna");
        var alert = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water());
        (await cluster.Approver.ApproveAsync(alert)).ShouldBe(HttpStatusCode.OK);

        var drafted = await Task.WhenAll(
            cluster.Author.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet i Ryd")),
            annaOnB.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet i Lambohov")),
            cluster.Author.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet i Skäggetorp")),
            annaOnB.AllClearAsync(alert, SampleNotices.Water(headline: "Vattnet är drickbart igen")));

        foreach (var answer in drafted) answer.ShouldBe(HttpStatusCode.Created);
        Assert.Equal([2, 3, 4, 5], drafted.Select(d => d.Json!["version"]!.GetValue<int>()).Order());
    }
}
