using System.Text.Json;
using CrisisComms.Domain.Organisation;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Organisation;

/// <summary>How the organisation's settings and the templates are kept as stored documents.</summary>
internal static class OrganisationDocuments
{
    public const string OrganisationKind = "organisation";
    public const string OrganisationKey = "current";
    public const string TemplateKind = "template";

    public static StoredDocument Of(OrganisationSettings settings, long revision) =>
        new(OrganisationKind, OrganisationKey, JsonSerializer.Serialize(settings, StoredJson.Options)) { Revision = revision };

    public static StoredDocument Of(Template template, long revision) =>
        new(TemplateKind, template.Id, JsonSerializer.Serialize(template, StoredJson.Options)) { Revision = revision };

    public static OrganisationSettings Settings(StoredDocument document) =>
        JsonSerializer.Deserialize<OrganisationSettings>(document.Json, StoredJson.Options)
        ?? throw new InvalidDataException("Empty organisation document.");

    public static Template Template(StoredDocument document) =>
        JsonSerializer.Deserialize<Template>(document.Json, StoredJson.Options)
        ?? throw new InvalidDataException($"Empty template document {document.Key}.");
}
