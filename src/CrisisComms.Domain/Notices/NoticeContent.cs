namespace CrisisComms.Domain.Notices;

/// <summary>One language's text of a notice. Always plain text, never HTML.</summary>
public sealed record NoticeContent(string Headline, string Lead, string? Body = null, string? Instruction = null);
