using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Organisation;

namespace CrisisComms.Server.Organisation;

/// <summary>
/// The organisation's settings as the console reads them, with the site's domain (configuration,
/// read-only here) so a link can be told apart as the organisation's own before the server says so.
/// </summary>
public sealed record OrganisationResponse(string Name, string DefaultSender, IReadOnlyList<string> Languages, string? CrisisPage, string SiteDomain)
{
    internal static OrganisationResponse Of(OrganisationSettings o, string siteDomain) => new(o.Name, o.DefaultSender, o.Languages, o.CrisisPage, siteDomain);
}

/// <summary>One language's text of a template.</summary>
public sealed record TemplateTextResponse(string Headline, string Lead, string? Body, string? Instruction)
{
    internal static IReadOnlyDictionary<string, TemplateTextResponse> Of(IReadOnlyDictionary<string, NoticeContent> texts) =>
        texts.ToDictionary(kv => kv.Key, kv => new TemplateTextResponse(kv.Value.Headline, kv.Value.Lead, kv.Value.Body, kv.Value.Instruction));
}

/// <summary>A template. <c>category</c> is CAP's own spelling (<c>Met</c>, <c>CBRNE</c>), as on a notice.</summary>
public sealed record TemplateResponse(string Id, IReadOnlyDictionary<string, string> Name, Severity Severity, string Category, string? Slug,
    IReadOnlyDictionary<string, TemplateTextResponse> Content, IReadOnlyDictionary<string, TemplateTextResponse> AllClear)
{
    internal static TemplateResponse Of(Template t) => new(t.Id, t.Name, t.Severity, t.Category.ToString(), t.Slug,
        TemplateTextResponse.Of(t.Content), TemplateTextResponse.Of(t.AllClear));
}
