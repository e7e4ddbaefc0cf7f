using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Feeds;

/// <summary>
/// Writes the alert feed as Atom 1.0 or RSS 2.0 with System.ServiceModel.Syndication. Each entry's
/// id is its CAP identifier and it links to the CAP message (<c>rel="alternate"
/// type="application/cap+xml"</c>, what alert hubs follow) and to the notice's own page.
/// </summary>
internal static class FeedWriter
{
    public const string AtomMediaType = "application/atom+xml";
    public const string RssMediaType = "application/rss+xml";

    public static byte[] Write(FeedFormat format, IReadOnlyList<FeedEntry> entries, NoticeMode mode, string language,
        string baseUrl, CapReader cap)
    {
        var feed = new SyndicationFeed(Title(language, mode, cap.Options.AreaDesc).Text,
            $"CAP 1.2: {cap.Options.AreaDesc}", new Uri($"https://{cap.Domain}/"),
            $"urn:crisiscomms:{cap.Domain}:feed:{mode.ToCamelCase()}",
            // Stable across nodes and rebuilds, so equal feeds have equal bytes (and ETags).
            entries.Count > 0 ? entries[0].Sent : DateTimeOffset.UnixEpoch)
        {
            Language = language,
            Items = [.. entries.Select(e => Item(e, language, baseUrl, format))],
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{baseUrl}/feeds/alerts.{(format == FeedFormat.Atom ? "atom" : "rss")}"),
            "self", null, format == FeedFormat.Atom ? AtomMediaType : RssMediaType, 0));
        feed.Authors.Add(new SyndicationPerson(cap.Sender, cap.Options.AreaDesc, null));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
            formatter.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry, string language, string baseUrl, FeedFormat format)
    {
        var content = entry.Text.Draft.Content.TryGetValue(language, out var own) ? own : entry.Text.Draft.Primary;
        var item = new SyndicationItem
        {
            Id = entry.Identifier,
            Title = new TextSyndicationContent(content.Headline),
            Summary = new TextSyndicationContent(content.Lead),
            PublishDate = entry.Sent,
            LastUpdatedTime = entry.Sent,
        };
        item.Authors.Add(new SyndicationPerson(null, entry.Text.Draft.Sender, null));
        item.Categories.Add(new SyndicationCategory(entry.Text.Draft.Category.ToString()));
        var capLink = new SyndicationLink(new Uri($"{baseUrl}/cap/{entry.Identifier}.xml"), "alternate", null, CapDocument.MediaType, 0);
        var page = entry.Text.Draft.Link is { } link ? new SyndicationLink(new Uri(link), "alternate", null, "text/html", 0) : null;
        // RSS has one <link>, which a CMS shows as "read more": the notice's page there; Atom readers
        // and alert hubs pick the link by type, and find the CAP message first.
        if (format == FeedFormat.Rss && page is not null) item.Links.Add(page);
        item.Links.Add(capLink);
        if (format == FeedFormat.Atom && page is not null) item.Links.Add(page);
        return item;
    }

    private static TextSyndicationContent Title(string language, NoticeMode mode, string area)
    {
        var english = language.StartsWith("en", StringComparison.Ordinal);
        var title = english ? $"Important messages – {area}" : $"Viktiga meddelanden – {area}";
        if (mode != NoticeMode.Actual) title += english ? $" ({mode.ToCamelCase()})" : mode == NoticeMode.Exercise ? " (övning)" : " (test)";
        return new TextSyndicationContent(title);
    }
}
