using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Domain.Validation;

namespace CrisisComms.Domain.Tests;

public class CategoryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");

    private static NoticeInput Input(string? category) => new(
        Severity.Warning, Audience.Everyone, null, "Linköpings kommun", "https://www.linkoping.se/kris", null, [],
        new Dictionary<string, ContentInput?> { ["sv"] = new("Rubrik", "Ingress", null, null) }, category);

    [Fact]
    public void ANoticeWithoutCategoryIsSafety()
    {
        var draft = NoticeValidator.Validate(Input(null), Now, out var errors);
        Assert.Empty(errors);
        Assert.Equal(NoticeCategory.Safety, draft.Category);
    }

    [Theory]
    [InlineData("Met", NoticeCategory.Met)]
    [InlineData("CBRNE", NoticeCategory.CBRNE)]
    [InlineData("Infra", NoticeCategory.Infra)]
    public void CapCategoriesAreAccepted(string value, NoticeCategory expected)
    {
        var draft = NoticeValidator.Validate(Input(value), Now, out var errors);
        Assert.Empty(errors);
        Assert.Equal(expected, draft.Category);
    }

    [Theory]
    [InlineData("met")]
    [InlineData("Weather")]
    [InlineData("1")]
    [InlineData("")]
    public void OtherCategoriesAreRefusedNamingTheField(string value)
    {
        NoticeValidator.Validate(Input(value), Now, out var errors);
        Assert.Contains("category", errors.Keys);
    }

    [Fact]
    public void TheCategoryIsStoredInCapSpelling()
    {
        var draft = NoticeValidator.Validate(Input("CBRNE"), Now, out _);
        var notice = Notice.Create("n1", "i1", 1, NoticeKind.Alert, draft, false, Samples.Author("anna"), Now);
        var json = StoredJson.Serialize(notice);
        Assert.Contains("\"category\":\"CBRNE\"", json);
        Assert.Equal(NoticeCategory.CBRNE, StoredJson.DeserializeNotice(json).Draft.Category);
    }

    [Fact]
    public void ANoticeStoredBeforeCategoriesReadsAsSafety()
    {
        var draft = NoticeValidator.Validate(Input("Fire"), Now, out _);
        var json = StoredJson.Serialize(Notice.Create("n1", "i1", 1, NoticeKind.Alert, draft, false, Samples.Author("anna"), Now))
            .Replace(",\"category\":\"Fire\"", "");
        Assert.DoesNotContain("category", json);
        Assert.Equal(NoticeCategory.Safety, StoredJson.DeserializeNotice(json).Draft.Category);
    }
}
