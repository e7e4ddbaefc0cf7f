using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Records;

/// <summary>
/// <c>incident.html</c>: the record a person reads or prints. One file with its CSS inline, no
/// script and nothing fetched, so it opens the same in any browser in twenty years. Every text an
/// officer wrote is HTML-encoded (markup stays text); each language's text carries its
/// <c>lang</c>; times are Swedish time with their offset.
/// </summary>
internal static class ArchiveHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Css = """
        body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 2rem; line-height: 1.45; }
        main { max-width: 60rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #666; }
        h3 { font-size: 1.1rem; } h4 { font-size: 1rem; margin-bottom: .25rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #666; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #eee; }
        .text { white-space: pre-wrap; margin: .25rem 0; }
        .hash { font-family: monospace; font-size: .8rem; word-break: break-all; }
        section.version { page-break-inside: avoid; }
        @media print { body { margin: 0; } a { color: inherit; } a[href]::after { content: " (" attr(href) ")"; } }
        """;

    public static string Render(ArchiveDocument d)
    {
        var html = new StringBuilder();
        var title = $"Händelse {d.IncidentId}: {Headline(d)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");
        Summary(html, d);
        foreach (var v in d.Versions) Version(html, v);
        Cap(html, d);
        Audit(html, d);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Headline(ArchiveDocument d) =>
        d.Versions.Count > 0 && d.Versions[0].Content.Count > 0 ? d.Versions[0].Content[0].Headline : "";

    private static void Summary(StringBuilder html, ArchiveDocument d)
    {
        html.Append("<p>Arkivpaket från CrisisComms för ").Append(E(d.Site)).Append(". Händelsens status: ")
            .Append(E(Enum.TryParse<NoticeState>(d.State, ignoreCase: true, out var state) ? ArchiveWords.Of(state) : d.State)).Append(d.EndedAt is { } ended ? $", avslutad {E(SwedishTime.Format(ended))}" : ", inte avslutad")
            .Append(". Alla tider är svensk tid.</p>\n")
            .Append("<h2>Sammanfattning</h2>\n<table>\n<caption>Versioner: vad som publicerades, när, av vem och godkänt av vem</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Typ</th><th scope=\"col\">Rubrik</th><th scope=\"col\">Skriven av</th>")
            .Append("<th scope=\"col\">Godkänd av</th><th scope=\"col\">Godkänd</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
        foreach (var v in d.Versions)
            html.Append("<tr><th scope=\"row\">").Append(v.Version).Append("</th><td>").Append(E(ArchiveWords.Of(v.Kind)))
                .Append("</td><td lang=\"sv\">").Append(E(v.Content.Count > 0 ? v.Content[0].Headline : "")).Append("</td><td>").Append(E(v.CreatedBy))
                .Append("</td><td>").Append(E(v.ApprovedBy ?? "–")).Append(v.BreakGlass ? " (nödgodkännande)" : "")
                .Append("</td><td>").Append(Time(v.ApprovedAt)).Append("</td><td>").Append(E(ArchiveWords.Of(v.State))).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private static void Version(StringBuilder html, ArchivedVersion v)
    {
        html.Append("<section class=\"version\">\n<h2>Version ").Append(v.Version).Append(": ").Append(E(ArchiveWords.Of(v.Kind)))
            .Append(" (").Append(E(ArchiveWords.Of(v.State))).Append(")</h2>\n<table>\n<caption>Uppgifter om version ").Append(v.Version).Append("</caption>\n<tbody>\n");
        Row(html, "Notis-id", E(v.NoticeId));
        Row(html, "Allvarlighet", E(ArchiveWords.Of(v.Severity)));
        Row(html, "Mottagare", E(ArchiveWords.Of(v.Audience)));
        Row(html, "Läge", E(ArchiveWords.Of(v.Mode)));
        Row(html, "Kategori", E(v.Category));
        Row(html, "Avsändare", E(v.Sender));
        Row(html, "Länk", v.Link is null ? "–" : $"<a href=\"{E(v.Link)}\">{E(v.Link)}</a>{(v.LinkIsExternal ? " (extern)" : "")}");
        Row(html, "Skriven", $"{Time(v.CreatedAt)} av {E(v.CreatedBy)}");
        Row(html, "Medverkande", E(string.Join(", ", v.Contributors)));
        Row(html, "Skickad för godkännande av", E(v.SubmittedBy ?? "–"));
        Row(html, "Godkänd", v.ApprovedBy is null ? "–" : $"{Time(v.ApprovedAt)} av {E(v.ApprovedBy)}{(v.BreakGlass ? " (nödgodkännande)" : "")}");
        if (v.Reason is not null) Row(html, "Skäl", E(v.Reason));
        if (v.ExpiresAt is not null) Row(html, "Upphör", Time(v.ExpiresAt));
        if (v.EndedAt is not null) Row(html, "Avslutad", Time(v.EndedAt));
        html.Append("</tbody>\n</table>\n");
        foreach (var c in v.Content)
        {
            html.Append("<h3>Text, ").Append(E(LanguageName(c.Language))).Append(" (").Append(E(c.Language)).Append(")</h3>\n")
                .Append("<div lang=\"").Append(E(c.Language)).Append("\">\n<h4>").Append(E(c.Headline)).Append("</h4>\n")
                .Append("<p class=\"text\">").Append(E(c.Lead)).Append("</p>\n");
            if (c.Body is not null) html.Append("<p class=\"text\">").Append(E(c.Body)).Append("</p>\n");
            if (c.Instruction is not null) html.Append("<p class=\"text\">").Append(E(c.Instruction)).Append("</p>\n");
            html.Append("</div>\n");
        }
        Stages(html, v);
        html.Append("</section>\n");
    }

    private static void Stages(StringBuilder html, ArchivedVersion v)
    {
        html.Append("<h3>Publicering av version ").Append(v.Version).Append("</h3>\n<table>\n<caption>Var och när version ").Append(v.Version)
            .Append(" publicerades</caption>\n<thead><tr><th scope=\"col\">Kanal</th><th scope=\"col\">Status</th><th scope=\"col\">Publicerad</th>")
            .Append("<th scope=\"col\">Inlägg</th><th scope=\"col\">Skickad text</th><th scope=\"col\">Borttagen</th></tr></thead>\n<tbody>\n");
        foreach (var s in v.Stages)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(StageName(s.Name))).Append("</th><td>").Append(E(ArchiveWords.Of(s.State)))
                .Append(s.Error is null ? "" : $": {E(s.Error)}").Append("</td><td>").Append(Time(s.DoneAt)).Append("</td><td>");
            if (s.PostUrl is not null) html.Append("<a href=\"").Append(E(s.PostUrl)).Append("\">").Append(E(s.PostId ?? s.PostUrl)).Append("</a>");
            else html.Append(E(s.PostId ?? "–"));
            html.Append("</td><td>");
            if (s.Text is not null) html.Append("<p class=\"text\" lang=\"sv\">").Append(E(s.Text)).Append("</p>");
            else html.Append("–");
            html.Append("</td><td>").Append(Time(s.RetractedAt)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Cap(StringBuilder html, ArchiveDocument d)
    {
        html.Append("<h2>CAP-meddelanden</h2>\n");
        if (d.CapMessages.Count == 0)
        {
            html.Append("<p>Inga: händelsen nådde aldrig allmänheten.</p>\n");
            return;
        }
        html.Append("<table>\n<caption>CAP 1.2-meddelanden i mappen cap/</caption>\n<thead><tr><th scope=\"col\">Identifierare</th>")
            .Append("<th scope=\"col\">Typ</th><th scope=\"col\">Skickat</th><th scope=\"col\">Fil</th></tr></thead>\n<tbody>\n");
        foreach (var m in d.CapMessages)
            html.Append("<tr><th scope=\"row\">").Append(E(m.Identifier)).Append("</th><td>").Append(E(m.Type)).Append("</td><td>")
                .Append(Time(m.Sent)).Append("</td><td>").Append(E(m.File)).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private static void Audit(StringBuilder html, ArchiveDocument d)
    {
        html.Append("<h2>Granskningslogg</h2>\n<table>\n<caption>Händelsens poster i granskningsloggen, med plats och hash i kedjan</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Nr</th><th scope=\"col\">Tid</th><th scope=\"col\">Vem</th><th scope=\"col\">Åtgärd</th>")
            .Append("<th scope=\"col\">Notis</th><th scope=\"col\">Skäl och detalj</th><th scope=\"col\">Hash</th></tr></thead>\n<tbody>\n");
        foreach (var a in d.Audit)
            html.Append("<tr><th scope=\"row\">").Append(a.Seq).Append("</th><td>").Append(Time(a.At)).Append("</td><td>").Append(E(a.Actor))
                .Append("</td><td>").Append(E(a.Action)).Append("</td><td>").Append(E(a.NoticeId ?? "–")).Append("</td><td>")
                .Append(E(string.Join(" — ", new[] { a.Reason, a.Detail }.Where(t => t is not null)))).Append("</td><td class=\"hash\">")
                .Append(E(a.Hash ?? "")).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private static void Row(StringBuilder html, string label, string valueHtml) =>
        html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    private static string Time(DateTimeOffset? at) => at is { } t ? E(SwedishTime.Format(t)) : "–";

    private static string StageName(string name) => name switch
    {
        Stage.Intranet => "Intranätet",
        Stage.Public => "Webbplatsen",
        _ when name.StartsWith(Stage.SocialPrefix, StringComparison.Ordinal) => name[Stage.SocialPrefix.Length..] switch
        {
            "x" => "X",
            "facebook" => "Facebook",
            "mastodon" => "Mastodon",
            var other => other,
        },
        _ => name,
    };

    private static string LanguageName(string tag) => tag switch
    {
        NoticeDraft.LanguageOfRecord => "svenska",
        NoticeDraft.EasySwedish => "lätt svenska",
        "en" => "engelska",
        "ar" => "arabiska",
        "fi" => "finska",
        "so" => "somaliska",
        "fa" => "persiska",
        "uk" => "ukrainska",
        _ => tag,
    };

    private static string E(string text) => Encoder.Encode(text);
}
