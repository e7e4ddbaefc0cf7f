using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Feeds;

/// <summary>
/// Writes one <see cref="CapMessage"/> as an OASIS CAP 1.2 document, elements in the schema's
/// order. See the README's CAP mapping table for where each element comes from.
/// </summary>
internal static class CapDocument
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string MediaType = "application/cap+xml";

    public static XDocument Build(CapMessage message, string sender, CapOptions options)
    {
        var notice = message.Notice;
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", message.Identifier),
            new XElement(Cap + "sender", sender),
            new XElement(Cap + "sent", Time(message.Sent)),
            new XElement(Cap + "status", CapMessages.StatusOf(notice.Draft.Mode)),
            new XElement(Cap + "msgType", message.Type.ToString()),
            new XElement(Cap + "scope", "Public"));
        if (message.Replaces is { } replaced)
            alert.Add(new XElement(Cap + "references", $"{sender},{replaced.Identifier},{Time(replaced.Sent)}"));
        alert.Add(Languages(message.Text).Select(language => Info(message, language, options)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    public static byte[] ToBytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var writer = XmlWriter.Create(buffer, settings)) document.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>CAP's date-time: seconds, and an explicit offset (CAP 1.2 forbids "Z").</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Swedish first, then the others in the order the officer wrote them.</summary>
    private static IEnumerable<string> Languages(Notice notice) =>
        notice.Draft.Content.Keys.OrderBy(k => k == NoticeDraft.LanguageOfRecord ? 0 : 1);

    private static XElement Info(CapMessage message, string language, CapOptions options)
    {
        var text = message.Text;
        var content = text.Draft.Content[language];
        var info = new XElement(Cap + "info",
            new XElement(Cap + "language", language),
            new XElement(Cap + "category", text.Draft.Category.ToString()),
            new XElement(Cap + "event", content.Headline));
        if (message.IsCancel) info.Add(new XElement(Cap + "responseType", "None"));
        else if (text.Kind == NoticeKind.AllClear) info.Add(new XElement(Cap + "responseType", "AllClear"));
        info.Add(
            new XElement(Cap + "urgency", CapMessages.UrgencyOf(message)),
            new XElement(Cap + "severity", CapMessages.SeverityOf(text.Draft.Severity)),
            new XElement(Cap + "certainty", "Observed"),
            new XElement(Cap + "expires", Time(CapMessages.ExpiresOf(message, options.DefaultExpiry))),
            new XElement(Cap + "senderName", text.Draft.Sender),
            new XElement(Cap + "headline", content.Headline),
            new XElement(Cap + "description", content.Body is null ? content.Lead : $"{content.Lead}\n\n{content.Body}"));
        if (content.Instruction is not null) info.Add(new XElement(Cap + "instruction", content.Instruction));
        if (text.Draft.Link is not null) info.Add(new XElement(Cap + "web", text.Draft.Link));
        info.Add(Area(options));
        return info;
    }

    private static XElement Area(CapOptions options) => new(Cap + "area",
        new XElement(Cap + "areaDesc", options.AreaDesc),
        options.GeocodeList.Select(code => new XElement(Cap + "geocode",
            new XElement(Cap + "valueName", code.Length == 2 ? "Länskod" : "Kommunkod"),
            new XElement(Cap + "value", code))));
}
