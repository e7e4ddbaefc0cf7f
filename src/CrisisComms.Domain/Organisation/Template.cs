using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Organisation;

/// <summary>
/// A crisis template: what the compose form fills in when an officer picks it, and the wording its
/// all-clear starts from. Every word stays editable in the notice; the template never changes one.
/// </summary>
/// <param name="Name">What the picker shows, per console language (sv required).</param>
/// <param name="Slug">The crisis page under the organisation's <see cref="OrganisationSettings.CrisisPage"/> a notice links to.</param>
/// <param name="AllClear">The all-clear's start, per language; may be empty.</param>
public sealed record Template(
    string Id,
    IReadOnlyDictionary<string, string> Name,
    Severity Severity,
    NoticeCategory Category,
    string? Slug,
    IReadOnlyDictionary<string, NoticeContent> Content,
    IReadOnlyDictionary<string, NoticeContent> AllClear);
