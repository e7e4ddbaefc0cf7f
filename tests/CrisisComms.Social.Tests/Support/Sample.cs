using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Social.Tests.Support;

internal static class Sample
{
    public const string Link = "https://www.linkoping.se/kris/vatten";

    public static SocialMessage Message { get; } = new(
        null,
        "Koka vattnet i Ryd och Skäggetorp",
        "Ett läckage har förorenat dricksvattnet. Koka vattnet i minst fem minuter innan du dricker det.",
        Link);

    public static SocialMessage Update { get; } = Message with { Prefix = "UPPDATERING:", Headline = "Kokningsrådet gäller även i Lambohov" };

    /// <summary>When a rate limit lifts; whole seconds, as X's epoch-seconds header can name it.</summary>
    public static DateTimeOffset ResetAt { get; } = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh key per test, as the dispatch job makes one per post.</summary>
    public static string Key() => $"notice-{Guid.NewGuid():N}/social";
}
