using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Import;

/// <summary>Reads the alerts Sveriges Radio's VMA API lists now for each configured geocode.</summary>
internal sealed class VmaClient(HttpClient http, IOptions<VmaOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every listed alert of every geocode; throws when any geocode cannot be read.</summary>
    public async Task<IReadOnlyList<VmaAlert>> ListAsync(CancellationToken ct)
    {
        var all = new List<VmaAlert>();
        foreach (var geocode in options.Value.GeocodeList)
        {
            var url = new Uri(options.Value.BaseUrl, $"/api/v3/alerts?geocode={Uri.EscapeDataString(geocode)}");
            var response = await http.GetFromJsonAsync<VmaResponse>(url, Json, ct)
                ?? throw new JsonException("The VMA API answered with no document.");
            all.AddRange((response.Alerts ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Identifier)));
        }
        return all;
    }
}
