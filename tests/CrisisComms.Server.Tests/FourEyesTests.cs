using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Nothing reaches the public that two people did not see: no contributor approves.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class FourEyesTests(CrisisServerFixture f)
{
    private static void ShouldBeTwoPersonRule(ApiResponse refused)
    {
        refused.ShouldBe(HttpStatusCode.Forbidden);
        Assert.EndsWith("two-person-rule", refused.Json!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApproverWhoReplacedTheTextCannotApproveIt()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var own = SampleNotices.Water(headline: "Bosses egen text");
        (await f.Approver.SendAsync(HttpMethod.Put, $"/api/v1/notices/{id}", own)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);

        ShouldBeTwoPersonRule(await f.Approver.ApproveAsync(id));

        var notice = (await f.Author.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("pendingApproval", notice.State);
        Assert.Equal(["anna", "bosse"], notice.Json!["contributors"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("live", (await f.SecondApprover.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK).State);
    }

    [Fact]
    public async Task AnApproverWhoOnlySubmittedCannotApproveIt()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Approver.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);

        ShouldBeTwoPersonRule(await f.Approver.ApproveAsync(id));
        Assert.Equal("pendingApproval", (await f.Author.GetAsync(id)).State);
    }

    [Fact]
    public async Task ADirectorWhoEditedMayStillBreakGlassWithAReason()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Director.SendAsync(HttpMethod.Put, $"/api/v1/notices/{id}", SampleNotices.Water(headline: "Doras text"))).ShouldBe(HttpStatusCode.OK);
        var pending = (await f.Director.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["approveBreakGlass", "reject", "withdraw", "retractSubmission"], pending.Json!["actions"]!.AsArray().Select(a => a!.GetValue<string>()));

        ShouldBeTwoPersonRule(await f.Director.ApproveAsync(id));
        var broken = (await f.Director.ApproveAsync(id, breakGlass: true, reason: "Natt, ingen annan nås")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("live", broken.State);
        Assert.True(broken.Json!["breakGlass"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("exercise")]
    [InlineData("test")]
    public async Task AnExerciseOrTestCannotBeApprovedByItsAuthor(string mode)
    {
        var drill = await f.Approver.DraftAndSubmitAsync(SampleNotices.Water(mode: mode));
        ShouldBeTwoPersonRule(await f.Approver.ApproveAsync(drill));
        Assert.Equal("live", (await f.SecondApprover.ApproveAsync(drill)).ShouldBe(HttpStatusCode.OK).State);
    }
}
