using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Organisation;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Notices;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Organisation;

/// <summary>
/// The organisation's settings and the templates: read from the store, changed by an admin, each
/// change saved in one write with its audit entry. The first read on a store without settings seeds
/// them (and the templates) from the configuration, once across every node.
/// </summary>
internal sealed class OrganisationService(IDocumentStore documents, INoticeStore store, IOptions<OrganisationOptions> options,
    IOptions<SiteOptions> site, TimeProvider time, ILogger<OrganisationService> logger)
{
    private const int Attempts = 5;
    private volatile bool _seeded;

    /// <summary>What the compose form offers until an admin says otherwise.</summary>
    private static readonly string[] DefaultLanguages = [NoticeDraft.LanguageOfRecord, "sv-x-easy", "en"];

    public async Task<OrganisationSettings> GetAsync(CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        var stored = await documents.GetAsync(OrganisationDocuments.OrganisationKind, OrganisationDocuments.OrganisationKey, ct);
        return stored is null ? FirstStart() : OrganisationDocuments.Settings(stored);
    }

    public Task<OrganisationSettings> SaveAsync(OrganisationInput? input, Actor by, CancellationToken ct)
    {
        var settings = OrganisationValidator.Validate(input, out var errors) ?? throw new NoticeValidationException(errors);
        return RetryAsync(async () =>
        {
            await EnsureSeededAsync(ct);
            var stored = await documents.GetAsync(OrganisationDocuments.OrganisationKind, OrganisationDocuments.OrganisationKey, ct);
            var before = stored is null ? null : OrganisationDocuments.Settings(stored);
            await SaveAsync(OrganisationAudit.Changed(before, settings, by.Subject, time.GetUtcNow()),
                OrganisationDocuments.Of(settings, stored?.Revision ?? 0), ct);
            return settings;
        });
    }

    public async Task<IReadOnlyList<Template>> ListTemplatesAsync(CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        return [.. (await documents.ListAsync(OrganisationDocuments.TemplateKind, ct)).Select(OrganisationDocuments.Template)];
    }

    public async Task<Template> GetTemplateAsync(string id, CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        var stored = await documents.GetAsync(OrganisationDocuments.TemplateKind, id, ct) ?? throw new TemplateNotFoundException(id);
        return OrganisationDocuments.Template(stored);
    }

    public async Task<Template> CreateTemplateAsync(TemplateInput? input, Actor by, CancellationToken ct)
    {
        var template = OrganisationValidator.Validate(input, null, out var errors) ?? throw new NoticeValidationException(errors);
        await EnsureSeededAsync(ct);
        try
        {
            // Revision 0: only if no template has this id, here or on another node at the same moment.
            await SaveAsync(OrganisationAudit.Template(OrganisationAuditActions.TemplateCreated, template, by.Subject, time.GetUtcNow()),
                OrganisationDocuments.Of(template, 0), ct);
        }
        catch (DocumentChangedException)
        {
            throw new TemplateExistsException(template.Id);
        }
        return template;
    }

    public Task<Template> SaveTemplateAsync(string id, TemplateInput? input, Actor by, CancellationToken ct)
    {
        var template = OrganisationValidator.Validate(input, id, out var errors) ?? throw new NoticeValidationException(errors);
        return RetryAsync(async () =>
        {
            await EnsureSeededAsync(ct);
            var stored = await documents.GetAsync(OrganisationDocuments.TemplateKind, id, ct) ?? throw new TemplateNotFoundException(id);
            await SaveAsync(OrganisationAudit.Template(OrganisationAuditActions.TemplateChanged, template, by.Subject, time.GetUtcNow()),
                OrganisationDocuments.Of(template, stored.Revision), ct);
            return template;
        });
    }

    public Task DeleteTemplateAsync(string id, Actor by, CancellationToken ct) => RetryAsync(async () =>
    {
        await EnsureSeededAsync(ct);
        var stored = await documents.GetAsync(OrganisationDocuments.TemplateKind, id, ct) ?? throw new TemplateNotFoundException(id);
        var template = OrganisationDocuments.Template(stored);
        await SaveAsync(OrganisationAudit.Template(OrganisationAuditActions.TemplateDeleted, template, by.Subject, time.GetUtcNow()),
            stored with { Deleted = true }, ct);
        return true;
    });

    /// <summary>
    /// Stores the configured settings and the seed templates if no settings are stored yet. The
    /// settings are written over revision 0 (must not exist) in the same write as every template:
    /// when two nodes start together on one Redis, one write wins and the other changes nothing.
    /// </summary>
    public async Task EnsureSeededAsync(CancellationToken ct)
    {
        if (_seeded) return;
        if (await documents.GetAsync(OrganisationDocuments.OrganisationKind, OrganisationDocuments.OrganisationKey, ct) is null)
        {
            var settings = FirstStart();
            var templates = TemplateSeed.For(settings.Name);
            try
            {
                await store.SaveAsync(new ChangeSet([], [OrganisationAudit.Seeded(settings, templates.Count, time.GetUtcNow())], false)
                    { Documents = [OrganisationDocuments.Of(settings, 0), .. templates.Select(t => OrganisationDocuments.Of(t, 0))] }, ct);
                logger.LogInformation("Stored the organisation {Organisation} and {Templates} crisis templates (first start)", settings.Name, templates.Count);
            }
            catch (DocumentChangedException)
            {
                logger.LogInformation("Another node stored the organisation's settings first; nothing seeded here");
            }
        }
        _seeded = true;
    }

    private OrganisationSettings FirstStart() =>
        new(options.Value.Name.Trim(), options.Value.SenderOrDefault.Trim(), [.. DefaultLanguages], $"https://www.{site.Value.Domain}/kris");

    private Task SaveAsync(AuditEntry entry, StoredDocument document, CancellationToken ct) =>
        store.SaveAsync(new ChangeSet([], [entry], false) { Documents = [document] }, ct);

    // A full replacement decided afresh on what is stored now: another admin's save in between is
    // the revision read next time, and the change is made over it.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (DocumentChangedException) when (attempt < Attempts)
            {
            }
        }
    }
}

/// <summary>No template has this id (404).</summary>
internal sealed class TemplateNotFoundException(string id) : Exception($"No template has the id '{id}'.");

/// <summary>A template with this id exists already (409).</summary>
internal sealed class TemplateExistsException(string id) : Exception($"A template with the id '{id}' exists already; change it with PUT /api/v1/templates/{id}.");
