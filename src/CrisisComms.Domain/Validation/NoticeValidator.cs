using System.Globalization;
using System.Text.RegularExpressions;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Validation;

/// <summary>
/// Turns what a caller sent into a <see cref="NoticeDraft"/>, or names every field that is wrong,
/// using the field paths of the JSON request (<c>content.sv.headline</c>).
/// </summary>
public static partial class NoticeValidator
{
    public static NoticeDraft Validate(NoticeInput? input, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, List<string>>();
        void Fail(string field, string message)
        {
            if (!found.TryGetValue(field, out var list)) found[field] = list = [];
            list.Add(message);
        }

        if (input is null)
        {
            Fail("body", "The request needs a JSON notice.");
            errors = Close(found);
            return null!;
        }
        if (input.Severity is null) Fail("severity", "Required: critical, warning or info.");
        if (input.Audience is null) Fail("audience", "Required: staff or everyone.");

        var sender = Text(input.Sender, "sender", NoticeRules.SenderMax, required: true, multiline: false, Fail);
        var link = ValidateLink(input.Link, Fail);
        if (input.ExpiresAt is { } expires && expires <= now)
            Fail("expiresAt", "The expiry must be in the future.");

        var channels = new List<string>();
        foreach (var (channel, i) in (input.Channels ?? []).Select((c, i) => (c, i)))
        {
            if (channel is null || !NoticeRules.KnownChannels.Contains(channel))
                Fail($"channels[{i}]", $"Unknown channel '{channel}': use {string.Join(", ", NoticeRules.KnownChannels)}.");
            else if (!channels.Contains(channel)) channels.Add(channel);
        }
        if (channels.Count > 0 && input.Audience == Audience.Staff)
            Fail("channels", "A notice for staff is never posted to social channels.");
        if (channels.Count > 0 && link is null)
            Fail("link", "Social posts always point to the official site: a notice with channels needs a link.");

        var category = NoticeCategories.Default;
        if (input.Category is not null && !NoticeCategories.TryParse(input.Category, out category))
            Fail("category", $"Unknown category '{input.Category}': use one of CAP's {string.Join(", ", Enum.GetValues<NoticeCategory>())}.");

        var content = ValidateContent(input.Content, Fail);
        errors = Close(found);
        if (errors.Count > 0) return null!;
        return new NoticeDraft(input.Severity!.Value, input.Audience!.Value, input.Mode ?? NoticeMode.Actual,
            sender!, link, input.ExpiresAt, channels, content) { Category = category };
    }

    private static Dictionary<string, NoticeContent> ValidateContent(
        IReadOnlyDictionary<string, ContentInput?>? input, Action<string, string> fail)
    {
        var content = new Dictionary<string, NoticeContent>(StringComparer.Ordinal);
        if (input is null || !input.ContainsKey(NoticeDraft.LanguageOfRecord))
            fail("content.sv", "Swedish content (content.sv) with a headline and a lead is required.");
        if (input is null) return content;
        if (input.Count > NoticeRules.LanguagesMax)
            fail("content", $"At most {NoticeRules.LanguagesMax} languages.");

        foreach (var (tag, text) in input)
        {
            var path = $"content.{tag}";
            if (!IsKnownLanguageTag(tag))
            {
                fail(path, $"'{tag}' is not a known BCP 47 language tag (for example sv, en, ar, sv-x-easy).");
                continue;
            }
            if (text is null)
            {
                fail(path, "Each language needs a headline and a lead.");
                continue;
            }
            var headline = Text(text.Headline, $"{path}.headline", NoticeRules.HeadlineMax, true, false, fail);
            var lead = Text(text.Lead, $"{path}.lead", NoticeRules.LeadMax, true, true, fail);
            var body = Text(text.Body, $"{path}.body", NoticeRules.BodyMax, false, true, fail);
            var instruction = Text(text.Instruction, $"{path}.instruction", NoticeRules.InstructionMax, false, true, fail);
            if (headline is not null && lead is not null)
                content[tag] = new NoticeContent(headline, lead, body, instruction);
        }
        return content;
    }

    private static string? Text(string? value, string field, int max, bool required, bool multiline, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) fail(field, "Required.");
            return null;
        }
        var text = value.Trim();
        // Counted as a reader counts them: an emoji or å written as two code points is one character.
        var length = text.Length <= max ? text.Length : new StringInfo(text).LengthInTextElements;
        if (length > max) fail(field, $"At most {max} characters (this has {length}).");
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            fail(field, multiline ? "Control characters are not allowed." : "Must be a single line without control characters.");
        else return text;
        return null;
    }

    private static string? ValidateLink(string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var link = value.Trim();
        if (link.Length > NoticeRules.LinkMax) fail("link", $"At most {NoticeRules.LinkMax} characters.");
        else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
            fail("link", "The link must be an absolute https:// address.");
        else if (!string.IsNullOrEmpty(uri.UserInfo)) fail("link", "The link must not carry a user name or password.");
        else return uri.AbsoluteUri;
        return null;
    }

    /// <summary>Well-formed BCP 47 whose language ICU knows; private-use subtags (sv-x-easy) are allowed.</summary>
    public static bool IsKnownLanguageTag(string tag)
    {
        if (!LanguageTag().IsMatch(tag)) return false;
        var xAt = tag.IndexOf("-x-", StringComparison.OrdinalIgnoreCase);
        var baseTag = xAt < 0 ? tag : tag[..xAt];
        try
        {
            CultureInfo.GetCultureInfo(baseTag, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static Dictionary<string, string[]> Close(Dictionary<string, List<string>> found) =>
        found.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    // language[-script][-region](-variant)*(-x-private)* ; the shape of RFC 5646 that notices use.
    [GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-x(-[a-z0-9]{1,8})+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LanguageTag();
}
