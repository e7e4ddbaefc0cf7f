namespace CrisisComms.Server.Organisation;

/// <summary>
/// CrisisComms:Organisation: what a first start stores as the organisation's settings and writes
/// into the seeded templates. After that the stored settings rule; these are not read again.
/// </summary>
public sealed class OrganisationOptions
{
    public const string Section = "CrisisComms:Organisation";

    /// <summary>The organisation's own name, as it signs a notice ("… kommun", "… region").</summary>
    public string Name { get; set; } = "Kommunen";

    /// <summary>The compose form's sender; unset, the name and "krisledningen" (the crisis management).</summary>
    public string? DefaultSender { get; set; }

    public string SenderOrDefault => string.IsNullOrWhiteSpace(DefaultSender) ? $"{Name}, krisledningen" : DefaultSender;
}
