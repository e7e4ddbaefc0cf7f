namespace CrisisComms.Testing.Client;

/// <summary>Request bodies as an officer would send them.</summary>
public static class SampleNotices
{
    public static Dictionary<string, object?> Water(string audience = "everyone", string mode = "actual",
        string headline = "Kokningsrekommendation för dricksvatten", DateTimeOffset? expiresAt = null, string[]? channels = null) => new()
    {
        ["severity"] = "critical",
        ["audience"] = audience,
        ["mode"] = mode,
        ["sender"] = "Linköpings kommun, krisledningen",
        ["link"] = "https://www.linkoping.se/kris/vatten",
        ["expiresAt"] = expiresAt,
        ["channels"] = channels ?? [],
        ["content"] = new Dictionary<string, object>
        {
            ["sv"] = new { headline, lead = "Koka vattnet innan du dricker det.", body = "Gäller hela Linköping tills vidare.", instruction = "Koka i minst tre minuter." },
            ["sv-x-easy"] = new { headline = "Koka vattnet", lead = "Vattnet kan göra dig sjuk. Koka det först." },
            ["en"] = new { headline = "Boil your tap water", lead = "Boil water before drinking it." },
        },
    };
}
