namespace CrisisComms.Domain.Notices;

/// <summary>
/// What a notice is about, in CAP 1.2's own words (<c>info/category</c>). The names are the wire
/// values, spelled exactly as CAP spells them (<c>CBRNE</c>, not <c>cbrne</c>).
/// </summary>
public enum NoticeCategory { Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other }

public static class NoticeCategories
{
    public const NoticeCategory Default = NoticeCategory.Safety;

    /// <summary>CAP's exact, case-sensitive spelling; numbers and other spellings are not categories.</summary>
    public static bool TryParse(string value, out NoticeCategory category)
    {
        foreach (var known in Enum.GetValues<NoticeCategory>())
        {
            if (string.Equals(known.ToString(), value, StringComparison.Ordinal))
            {
                category = known;
                return true;
            }
        }
        category = Default;
        return false;
    }
}
