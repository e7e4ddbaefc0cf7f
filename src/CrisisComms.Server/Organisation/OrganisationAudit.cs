using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Organisation;

namespace CrisisComms.Server.Organisation;

/// <summary>The names of the audited changes of the organisation's settings and templates.</summary>
internal static class OrganisationAuditActions
{
    public const string Seeded = "organisation.seeded";
    public const string Changed = "organisation.changed";
    public const string TemplateCreated = "template.created";
    public const string TemplateChanged = "template.changed";
    public const string TemplateDeleted = "template.deleted";
}

/// <summary>The audit entry of each change: which settings changed, which template (its id and Swedish name).</summary>
internal static class OrganisationAudit
{
    public static AuditEntry Seeded(OrganisationSettings o, int templates, DateTimeOffset at) =>
        new(at, Domain.Notices.Actor.System.Subject, OrganisationAuditActions.Seeded, Detail: $"{o.Name}; {templates} templates");

    public static AuditEntry Changed(OrganisationSettings? before, OrganisationSettings after, string actor, DateTimeOffset at)
    {
        var changed = new List<string>();
        if (before?.Name != after.Name) changed.Add($"name: {after.Name}");
        if (before?.DefaultSender != after.DefaultSender) changed.Add($"defaultSender: {after.DefaultSender}");
        if (before is null || !before.Languages.SequenceEqual(after.Languages)) changed.Add($"languages: {string.Join(",", after.Languages)}");
        if (before?.CrisisPage != after.CrisisPage) changed.Add($"crisisPage: {after.CrisisPage ?? "none"}");
        return new(at, actor, OrganisationAuditActions.Changed, Detail: changed.Count > 0 ? string.Join("; ", changed) : "unchanged");
    }

    public static AuditEntry Template(string action, Template template, string actor, DateTimeOffset at) =>
        new(at, actor, action, Detail: $"{template.Id} ({template.Name[Domain.Notices.NoticeDraft.LanguageOfRecord]})");
}
