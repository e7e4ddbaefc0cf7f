using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CrisisComms.Server.Feeds;

/// <summary>CrisisComms:Cap: who our CAP messages say they are from, and for which area.</summary>
public sealed partial class CapOptions : IValidatableObject
{
    public const string Section = "CrisisComms:Cap";

    /// <summary>CAP's <c>sender</c>; empty means <c>crisis@</c> and the site domain.</summary>
    public string? Sender { get; set; }

    // No municipality is written in code: appsettings.json carries the shipped organisation's area.
    [Required(ErrorMessage = "CrisisComms:Cap:AreaDesc must name the area our notices are for.")]
    public string AreaDesc { get; set; } = "Kommunen";

    /// <summary>Swedish codes, comma separated: a county (län, 2 digits) or a municipality (kommun, 4 digits).</summary>
    public string Geocodes { get; set; } = "";

    /// <summary>How long a message applies when its notice has no expiry (CAP's <c>expires</c> is always given).</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> GeocodeList =>
        [.. Geocodes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public string SenderFor(string domain) => string.IsNullOrWhiteSpace(Sender) ? $"crisis@{domain}" : Sender.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var code in GeocodeList.Where(c => !Geocode().IsMatch(c)))
            yield return new ValidationResult(
                $"CrisisComms:Cap:Geocodes: '{code}' is not a county (2 digits) or municipality (4 digits) code.", [nameof(Geocodes)]);
        if (Sender is { } s && (s.Contains(' ') || s.Contains(',') || s.Contains('<') || s.Contains('&')))
            yield return new ValidationResult("CrisisComms:Cap:Sender must not contain spaces, commas, < or &.", [nameof(Sender)]);
        if (DefaultExpiry <= TimeSpan.Zero)
            yield return new ValidationResult("CrisisComms:Cap:DefaultExpiry must be positive.", [nameof(DefaultExpiry)]);
    }

    [GeneratedRegex("^([0-9]{2}|[0-9]{4})$")]
    private static partial Regex Geocode();
}
