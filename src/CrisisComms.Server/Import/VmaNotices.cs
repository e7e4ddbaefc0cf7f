using System.Security.Cryptography;
using System.Text;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Import;

/// <summary>Which listed VMAs are in force, and the notice each one is shown as.</summary>
internal static class VmaNotices
{
    /// <summary>Alerts and updates not cancelled or replaced by another listed message, of a mode we show.</summary>
    public static (IReadOnlyList<VmaAlert> Active, IReadOnlySet<string> Cancelled) Select(IEnumerable<VmaAlert> listed)
    {
        var alerts = listed.DistinctBy(a => a.Identifier).ToList();
        var cancelled = alerts.Where(a => a.IsCancel).SelectMany(a => a.ReferencedIdentifiers).ToHashSet(StringComparer.Ordinal);
        var replaced = alerts.Where(a => !a.IsCancel).SelectMany(a => a.ReferencedIdentifiers).ToHashSet(StringComparer.Ordinal);
        var active = alerts
            .Where(a => !a.IsCancel && ModeOf(a) is not null && !cancelled.Contains(a.Identifier) && !replaced.Contains(a.Identifier))
            .Where(a => a.Info is { Count: > 0 })
            .ToList();
        return (active, cancelled);
    }

    /// <summary>The same on every node: two nodes importing one VMA write the same notice.</summary>
    public static string IdOf(string vmaIdentifier) =>
        "vma-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vmaIdentifier)))[..24];

    public static Notice ToNotice(VmaAlert alert, DateTimeOffset now)
    {
        var content = new Dictionary<string, NoticeContent>(StringComparer.Ordinal);
        foreach (var info in alert.Info!)
        {
            var language = LanguageOf(info.Language);
            var title = Text(info.Headline) ?? Text(info.Event);
            if (title is null || content.ContainsKey(language)) continue;
            content[language] = new NoticeContent(title, Text(info.Description) ?? title, null, Text(info.Instruction));
        }
        var first = alert.Info![0];
        if (!content.ContainsKey(NoticeDraft.LanguageOfRecord))
            content[NoticeDraft.LanguageOfRecord] = content.Values.FirstOrDefault()
                ?? new NoticeContent("Viktigt meddelande till allmänheten", "Viktigt meddelande till allmänheten");
        var sender = Text(alert.Info.Select(i => i.SenderName).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)))
            ?? Text(alert.Sender) ?? "Sveriges Radio";
        var link = Uri.TryCreate(first.Web, UriKind.Absolute, out var web) && web.Scheme == Uri.UriSchemeHttps ? web.ToString() : null;
        return Notice.ImportVma(IdOf(alert.Identifier), alert.Identifier, ModeOf(alert)!.Value, sender, link, content, now);
    }

    private static NoticeMode? ModeOf(VmaAlert alert) => alert.Status?.ToLowerInvariant() switch
    {
        "actual" => NoticeMode.Actual,
        "exercise" => NoticeMode.Exercise,
        "test" => NoticeMode.Test,
        _ => null,
    };

    /// <summary>sv-SE → sv, en-US → en; no language: Swedish.</summary>
    private static string LanguageOf(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? NoticeDraft.LanguageOfRecord : tag.Split('-')[0].ToLowerInvariant();

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
