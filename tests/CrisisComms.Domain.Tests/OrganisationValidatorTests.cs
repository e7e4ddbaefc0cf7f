using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Organisation;
using CrisisComms.Domain.Validation;

namespace CrisisComms.Domain.Tests;

/// <summary>What an admin may store as the organisation's settings and as a template.</summary>
public class OrganisationValidatorTests
{
    private static OrganisationInput Settings(params string?[] languages) => new("Motala kommun", "Motala kommun, krisledningen", languages, null);

    [Fact]
    public void SwedishFirstThenAnyKnownTagIsAccepted()
    {
        var settings = OrganisationValidator.Validate(Settings("sv", "sv-x-easy", "en", "ar"), out var errors);
        Assert.Empty(errors);
        Assert.Equal(["sv", "sv-x-easy", "en", "ar"], settings!.Languages);
    }

    [Theory]
    [InlineData("languages", "en", "sv")]
    [InlineData("languages[1]", "sv", "klingon!")]
    [InlineData("languages[2]", "sv", "en", "EN")]
    public void ALanguageListThatDoesNotStartWithSwedishOrHasABadTagNamesIt(string field, params string[] languages)
    {
        Assert.Null(OrganisationValidator.Validate(Settings(languages), out var errors));
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void ATemplatesTextsAreHeldToANoticesLimits()
    {
        var input = new TemplateInput("water", new Dictionary<string, string?> { ["sv"] = "Vatten" }, Severity.Critical, "Health", "vatten",
            new Dictionary<string, ContentInput?> { ["sv"] = new(new string('x', NoticeRules.HeadlineMax + 1), "Ingress", null, null) }, null);
        Assert.Null(OrganisationValidator.Validate(input, null, out var errors));
        Assert.Equal(["content.sv.headline"], errors.Keys);
    }

    [Fact]
    public void TheIdInTheAddressRulesAndADifferentOneInTheBodyIsRefused()
    {
        var input = new TemplateInput("storm", new Dictionary<string, string?> { ["sv"] = "Storm" }, Severity.Warning, "Met", null,
            new Dictionary<string, ContentInput?> { ["sv"] = new("Storm", "Det blåser.", null, null) }, null);
        Assert.Equal("storm", OrganisationValidator.Validate(input, "storm", out _)!.Id);
        Assert.Null(OrganisationValidator.Validate(input, "power", out var errors));
        Assert.Equal(["id"], errors.Keys);
    }
}
