using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CrisisComms.Server.Import;

/// <summary>CrisisComms:Import:Vma: which areas' VMAs Sveriges Radio's API is asked for, and how often.</summary>
public sealed partial class VmaOptions : IValidatableObject
{
    public const string Section = "CrisisComms:Import:Vma";

    /// <summary>County (2 digits) or municipality (4 digits) codes, comma separated; empty: no import.</summary>
    public string? Geocodes { get; set; }

    public Uri BaseUrl { get; set; } = new("https://vmaapi.sr.se");

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> GeocodeList =>
        [.. (Geocodes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public bool Enabled => GeocodeList.Count > 0;

    /// <summary>After failures the wait doubles from the poll interval up to this.</summary>
    public TimeSpan MaxBackoff => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, PollInterval.Ticks * 8));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var code in GeocodeList.Where(c => !Geocode().IsMatch(c)))
            yield return new ValidationResult(
                $"{Section}:Geocodes: '{code}' is not a county (2 digits) or municipality (4 digits) code.", [nameof(Geocodes)]);
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http"))
            yield return new ValidationResult($"{Section}:BaseUrl must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        if (PollInterval <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:PollInterval must be positive.", [nameof(PollInterval)]);
    }

    [GeneratedRegex("^([0-9]{2}|[0-9]{4})$")]
    private static partial Regex Geocode();
}
