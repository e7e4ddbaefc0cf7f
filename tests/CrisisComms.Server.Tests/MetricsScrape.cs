using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CrisisComms.Server.Tests;

/// <summary>One answer of /metrics, read as Prometheus reads it.</summary>
internal sealed partial record MetricsScrape(string Text)
{
    public static async Task<MetricsScrape> ReadAsync(HttpClient http)
    {
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The exporter caches its answer for a moment, and a closed connection is seen a moment later.</summary>
    public static async Task<MetricsScrape> WaitForAsync(HttpClient http, Func<MetricsScrape, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var scrape = await ReadAsync(http);
            if (condition(scrape) || DateTime.UtcNow > deadline) return scrape;
            await Task.Delay(200);
        }
    }

    /// <summary>The sample of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>, or null.</summary>
    public double? Value(string name, params string[] labels) =>
        Sample().Matches(Text).Where(m => m.Groups["name"].Value == name && labels.All(m.Groups["labels"].Value.Contains))
            .Select(m => (double?)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .FirstOrDefault();

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
