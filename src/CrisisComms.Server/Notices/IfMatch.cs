using CrisisComms.Domain.Notices;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Notices;

/// <summary>
/// A notice's entity tag is its store revision (<see cref="Notice.RowVersion"/>), which every saved
/// change advances: <c>ETag: "7"</c>. A change sent with <c>If-Match</c> is made only on that revision.
/// </summary>
internal sealed record IfMatch(IReadOnlySet<long> Revisions)
{
    public static string ETagOf(Notice notice) => $"\"{notice.RowVersion}\"";

    /// <summary>Null when the request has no condition (no header, or <c>*</c>: the notice exists, or 404).</summary>
    public static IfMatch? From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0) return null;
        var revisions = new HashSet<long>();
        foreach (var tag in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (tag == "*") return null;
            if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"' || !long.TryParse(tag.AsSpan(1, tag.Length - 2), out var revision))
                throw new BadBodyException("If-Match", "If-Match must be the notice's ETag as it was given, for example \"3\".");
            revisions.Add(revision);
        }
        return revisions.Count == 0 ? null : new IfMatch(revisions);
    }

    /// <summary>Throws when the notice as loaded is not a revision the caller has seen.</summary>
    public static void Check(IfMatch? condition, Notice notice)
    {
        if (condition is not null && !condition.Revisions.Contains(notice.RowVersion)) throw new NoticeChangedException();
    }
}
