using System.ComponentModel.DataAnnotations;

namespace CrisisComms.Server.Records;

/// <summary>
/// CrisisComms:Retention: the organisation's retention decision (gallringsbeslut). Unset periods
/// keep everything for ever, which is the default.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "CrisisComms:Retention";

    /// <summary>How long an ended incident (withdrawn, expired, closed) is kept before its notices and stages go.</summary>
    public TimeSpan? EndedIncidents { get; set; }

    /// <summary>How long a disabled account keeps its personal data.</summary>
    public TimeSpan? DisabledAccounts { get; set; }

    /// <summary>How often every node looks for what has passed its period.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => EndedIncidents is not null || DisabledAccounts is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndedIncidents is { } ended && ended <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:EndedIncidents must be positive (leave it unset to keep everything).", [nameof(EndedIncidents)]);
        if (DisabledAccounts is { } disabled && disabled <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:DisabledAccounts must be positive (leave it unset to keep everything).", [nameof(DisabledAccounts)]);
        if (SweepInterval <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:SweepInterval must be positive.", [nameof(SweepInterval)]);
    }
}
