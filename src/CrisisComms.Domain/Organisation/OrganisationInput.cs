using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Validation;

namespace CrisisComms.Domain.Organisation;

/// <summary>Organisation settings as an admin sent them: nothing checked yet.</summary>
public sealed record OrganisationInput(string? Name, string? DefaultSender, IReadOnlyList<string?>? Languages, string? CrisisPage);

/// <summary>A template as an admin sent it: nothing checked yet.</summary>
public sealed record TemplateInput(
    string? Id,
    IReadOnlyDictionary<string, string?>? Name,
    Severity? Severity,
    string? Category,
    string? Slug,
    IReadOnlyDictionary<string, ContentInput?>? Content,
    IReadOnlyDictionary<string, ContentInput?>? AllClear);
