namespace CrisisComms.Domain.Validation;

/// <summary>The limits a notice is held to, chosen so every text fits where it is shown.</summary>
public static class NoticeRules
{
    // A headline must fit one X post with its link (280 weighted characters), so 280 is the bound.
    public const int HeadlineMax = 280;
    public const int LeadMax = 600;
    public const int BodyMax = 10_000;
    public const int InstructionMax = 1_000;
    public const int SenderMax = 200;
    public const int LinkMax = 2_000;
    public const int LanguagesMax = 20;

    public static readonly IReadOnlySet<string> KnownChannels = new HashSet<string> { "x", "mastodon", "facebook" };
}
