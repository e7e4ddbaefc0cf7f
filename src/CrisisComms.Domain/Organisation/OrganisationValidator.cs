using System.Globalization;
using System.Text.RegularExpressions;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Validation;

namespace CrisisComms.Domain.Organisation;

/// <summary>
/// Turns what an admin sent into <see cref="OrganisationSettings"/> or a <see cref="Template"/>, or
/// names every wrong field by its path in the JSON request (<c>content.en.lead</c>, <c>languages[0]</c>).
/// A template's texts are held to a notice's limits, since they become one.
/// </summary>
public static partial class OrganisationValidator
{
    public const int NameMax = 200;
    public const int TemplateNameMax = 100;
    public const int IdMax = 64;

    public static OrganisationSettings? Validate(OrganisationInput? input, out Dictionary<string, string[]> errors)
    {
        var found = new Errors();
        if (input is null)
        {
            found.Add("body", "The request needs a JSON object.");
            errors = found.Close();
            return null;
        }
        var name = Text(input.Name, "name", NameMax, true, false, found);
        var sender = Text(input.DefaultSender, "defaultSender", NoticeRules.SenderMax, true, false, found);
        var page = Link(input.CrisisPage, "crisisPage", found);
        var languages = new List<string>();
        if (input.Languages is null || input.Languages.Count == 0)
            found.Add("languages", "List the content languages the compose form offers, sv first.");
        else if (input.Languages.Count > NoticeRules.LanguagesMax)
            found.Add("languages", $"At most {NoticeRules.LanguagesMax} languages.");
        else
        {
            foreach (var (tag, i) in input.Languages.Select((t, i) => (t, i)))
            {
                if (tag is null || !NoticeValidator.IsKnownLanguageTag(tag))
                    found.Add($"languages[{i}]", $"'{tag}' is not a known BCP 47 language tag (for example sv, en, ar, sv-x-easy).");
                else if (languages.Contains(tag, StringComparer.OrdinalIgnoreCase))
                    found.Add($"languages[{i}]", $"'{tag}' is listed twice.");
                else languages.Add(tag);
            }
            // Swedish is the language of record: every notice has it, so the form opens on it.
            if (input.Languages[0] != NoticeDraft.LanguageOfRecord)
                found.Add("languages", $"The first language must be {NoticeDraft.LanguageOfRecord}.");
        }
        errors = found.Close();
        return errors.Count > 0 ? null : new OrganisationSettings(name!, sender!, languages, page);
    }

    /// <param name="id">The template's id from the address (PUT), or null to take the request's (POST).</param>
    public static Template? Validate(TemplateInput? input, string? id, out Dictionary<string, string[]> errors)
    {
        var found = new Errors();
        if (input is null)
        {
            found.Add("body", "The request needs a JSON template.");
            errors = found.Close();
            return null;
        }
        id ??= input.Id;
        if (id is null || !Key().IsMatch(id))
            found.Add("id", $"Required: lower-case letters, digits and hyphens, at most {IdMax} characters (for example water).");
        else if (input.Id is not null && input.Id != id)
            found.Add("id", "The id in the body differs from the one in the address.");
        if (input.Slug is not null && !Key().IsMatch(input.Slug))
            found.Add("slug", "Lower-case letters, digits and hyphens: the last part of the crisis page's address (for example vatten).");
        if (input.Severity is null) found.Add("severity", "Required: critical, warning or info.");
        var category = NoticeCategories.Default;
        if (input.Category is null) found.Add("category", "Required: one of CAP's categories.");
        else if (!NoticeCategories.TryParse(input.Category, out category))
            found.Add("category", $"Unknown category '{input.Category}': use one of CAP's {string.Join(", ", Enum.GetValues<NoticeCategory>())}.");

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Name is null || !input.Name.ContainsKey(NoticeDraft.LanguageOfRecord))
            found.Add("name.sv", "A Swedish name (name.sv) is required.");
        foreach (var (tag, value) in input.Name ?? new Dictionary<string, string?>())
        {
            if (!NoticeValidator.IsKnownLanguageTag(tag)) found.Add($"name.{tag}", $"'{tag}' is not a known BCP 47 language tag.");
            else if (Text(value, $"name.{tag}", TemplateNameMax, true, false, found) is { } name) names[tag] = name;
        }
        var content = Texts(input.Content, "content", required: true, found);
        var allClear = Texts(input.AllClear, "allClear", required: false, found);
        errors = found.Close();
        return errors.Count > 0 ? null : new Template(id!, names, input.Severity!.Value, category, input.Slug, content, allClear);
    }

    private static Dictionary<string, NoticeContent> Texts(IReadOnlyDictionary<string, ContentInput?>? input, string field, bool required, Errors found)
    {
        var texts = new Dictionary<string, NoticeContent>(StringComparer.Ordinal);
        if (required && (input is null || !input.ContainsKey(NoticeDraft.LanguageOfRecord)))
            found.Add($"{field}.sv", $"Swedish text ({field}.sv) with a headline and a lead is required.");
        if (input is null) return texts;
        if (input.Count > NoticeRules.LanguagesMax) found.Add(field, $"At most {NoticeRules.LanguagesMax} languages.");
        foreach (var (tag, text) in input)
        {
            var path = $"{field}.{tag}";
            if (!NoticeValidator.IsKnownLanguageTag(tag))
                found.Add(path, $"'{tag}' is not a known BCP 47 language tag (for example sv, en, ar, sv-x-easy).");
            else if (text is null) found.Add(path, "Each language needs a headline and a lead.");
            else
            {
                var headline = Text(text.Headline, $"{path}.headline", NoticeRules.HeadlineMax, true, false, found);
                var lead = Text(text.Lead, $"{path}.lead", NoticeRules.LeadMax, true, true, found);
                var body = Text(text.Body, $"{path}.body", NoticeRules.BodyMax, false, true, found);
                var instruction = Text(text.Instruction, $"{path}.instruction", NoticeRules.InstructionMax, false, true, found);
                if (headline is not null && lead is not null) texts[tag] = new NoticeContent(headline, lead, body, instruction);
            }
        }
        return texts;
    }

    private static string? Text(string? value, string field, int max, bool required, bool multiline, Errors found)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) found.Add(field, "Required.");
            return null;
        }
        var text = value.Trim();
        var length = text.Length <= max ? text.Length : new StringInfo(text).LengthInTextElements;
        if (length > max) found.Add(field, $"At most {max} characters (this has {length}).");
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            found.Add(field, multiline ? "Control characters are not allowed." : "Must be a single line without control characters.");
        else return text;
        return null;
    }

    private static string? Link(string? value, string field, Errors found)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var link = value.Trim();
        if (link.Length > NoticeRules.LinkMax) found.Add(field, $"At most {NoticeRules.LinkMax} characters.");
        else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)
                 || !string.IsNullOrEmpty(uri.UserInfo) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            found.Add(field, "An absolute https:// address without a query, such as https://www.example.se/kris.");
        else return uri.AbsoluteUri.TrimEnd('/');
        return null;
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _found = [];

        public void Add(string field, string message)
        {
            if (!_found.TryGetValue(field, out var list)) _found[field] = list = [];
            list.Add(message);
        }

        public Dictionary<string, string[]> Close() => _found.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
