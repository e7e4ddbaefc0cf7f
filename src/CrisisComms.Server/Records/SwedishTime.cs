using System.Globalization;

namespace CrisisComms.Server.Records;

/// <summary>
/// Times as a Swedish reader of the record expects them: Swedish local time with its offset, so a
/// printed page is unambiguous across daylight saving time and without the stored UTC beside it.
/// </summary>
internal static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The start of a Swedish calendar day.</summary>
    public static DateTimeOffset Midnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>"2026-03-29 03:15:00 (UTC+02:00)".</summary>
    public static string Format(DateTimeOffset at)
    {
        var local = Of(at);
        var offset = local.Offset;
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:yyyy-MM-dd HH:mm:ss} (UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh\\:mm})");
    }
}
