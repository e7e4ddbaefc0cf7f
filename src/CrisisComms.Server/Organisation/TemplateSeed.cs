using System.Text.Json;
using CrisisComms.Domain.Organisation;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Organisation;

/// <summary>
/// The common municipal crises a first start stores (SeedTemplates.json, embedded): water, power,
/// storm, fire and smoke, road closure, school closure and IT outage, in sv, lätt svenska and en,
/// with the organisation's own name where the text says <c>{organisation}</c>.
/// </summary>
internal static class TemplateSeed
{
    public const string Placeholder = "{organisation}";
    private const string Resource = "CrisisComms.Server.Organisation.SeedTemplates.json";

    private sealed record SeedFile(IReadOnlyList<TemplateInput> Templates);

    public static IReadOnlyList<Template> For(string organisationName)
    {
        using var stream = typeof(TemplateSeed).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The seed templates ({Resource}) are not in the build.");
        using var reader = new StreamReader(stream);
        // Replaced in the JSON text, escaped as JSON, so any name (quotes and all) stays one string.
        var name = JsonSerializer.Serialize(organisationName, ApiJson.Options)[1..^1];
        var json = reader.ReadToEnd().Replace(Placeholder, name, StringComparison.Ordinal);
        var file = JsonSerializer.Deserialize<SeedFile>(json, ApiJson.Options) ?? throw new InvalidDataException("Empty seed templates.");
        return [.. file.Templates.Select(input => OrganisationValidator.Validate(input, null, out var errors)
            ?? throw new InvalidDataException($"Seed template {input.Id} is invalid: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}"))];
    }
}
