using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Domain.Tests;

public class StoredJsonTests
{
    [Fact]
    public void ALiveNoticeSurvivesTheRoundTripWithItsStages()
    {
        var now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
        var notice = Samples.Notice(author: "anna");
        notice.Submit(Samples.Author("anna"), now);
        notice.Approve(Samples.Approver("bo"), false, null, now, DispatchTimings.Default, new HashSet<string>());
        notice.CompleteBannerStage(Stage.Intranet, now, DispatchTimings.Default);
        notice.RowVersion = 7;

        var copy = StoredJson.DeserializeNotice(StoredJson.Serialize(notice));

        Assert.Equal(StoredJson.Serialize(notice), StoredJson.Serialize(copy));
        Assert.Equal(NoticeState.Live, copy.State);
        Assert.Equal(StageState.Done, copy.StageNamed(Stage.Intranet)!.State);
        Assert.Equal(now + TimeSpan.FromMinutes(1), copy.StageNamed(Stage.Public)!.DueAt);
        Assert.Equal(7, copy.RowVersion);
        Assert.Equal("Vattnet är otjänligt", copy.Draft.Primary.Headline);
    }

    [Fact]
    public void ContributorsSurviveTheRoundTripAndAnOldDocumentHasItsCreator()
    {
        var notice = Samples.Notice(author: "anna");
        notice.Submit(Samples.Approver("bosse"), DateTimeOffset.Parse("2026-11-23T12:00:00Z"));
        var json = StoredJson.Serialize(notice);

        Assert.Equal(["anna", "bosse"], StoredJson.DeserializeNotice(json).Contributors);

        var old = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        old.Remove("contributors");
        Assert.Equal(["anna"], StoredJson.DeserializeNotice(old.ToJsonString()).Contributors);
    }
}
