namespace CrisisComms.Domain.Organisation;

/// <summary>
/// Who sends the notices and in which languages the compose form starts: stored once, changed by an
/// admin. The first start takes them from the configuration; after that the stored ones rule.
/// </summary>
/// <param name="Languages">The content languages the compose form offers, Swedish (the language of record) first.</param>
/// <param name="CrisisPage">The organisation's crisis page; a template's link suggestion is a page under it.</param>
public sealed record OrganisationSettings(string Name, string DefaultSender, IReadOnlyList<string> Languages, string? CrisisPage);
