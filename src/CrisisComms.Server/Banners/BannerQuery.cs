using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Banners;

/// <summary>The audience and mode a banner URL or hub connection asks for.</summary>
internal readonly record struct BannerQuery(BannerAudience Audience, NoticeMode Mode)
{
    public string Group => $"banners:{Audience.ToCamelCase()}:{Mode.ToCamelCase()}";

    public static readonly IReadOnlyList<BannerQuery> All =
        [.. from a in Enum.GetValues<BannerAudience>() from m in Enum.GetValues<NoticeMode>() select new BannerQuery(a, m)];

    /// <summary>Parses ?audience=public|intranet&amp;mode=actual|exercise|test; the error names the field.</summary>
    public static BannerQuery? Parse(IQueryCollection query, out (string Field, string Message)? error)
    {
        error = null;
        BannerAudience? audience = query["audience"].ToString() switch
        {
            "public" => BannerAudience.Public,
            "intranet" => BannerAudience.Intranet,
            _ => null,
        };
        NoticeMode? mode = query["mode"].ToString() switch
        {
            "" or "actual" => NoticeMode.Actual,
            "exercise" => NoticeMode.Exercise,
            "test" => NoticeMode.Test,
            _ => null,
        };
        if (audience is null) error = ("audience", "Required: public or intranet.");
        else if (mode is null) error = ("mode", "Must be actual, exercise or test.");
        return error is null ? new BannerQuery(audience!.Value, mode!.Value) : null;
    }
}
