using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Http;

/// <summary>CrisisComms:Http: which proxies in front of the service are believed about the client's address.</summary>
public sealed class HttpOptions
{
    public const string Section = "CrisisComms:Http";

    /// <summary>Addresses of proxies whose X-Forwarded-For/-Proto are believed, separated by commas or spaces.</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks (CIDR, such as 10.0.0.0/8) whose proxies are believed.</summary>
    public string? KnownNetworks { get; set; }

    internal IEnumerable<string> Proxies => Split(KnownProxies);
    internal IEnumerable<string> Networks => Split(KnownNetworks);

    private static string[] Split(string? list) => (list ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The client address (sign-in throttling, audit, logs) is the connection's own unless the
/// connection comes from a configured proxy: a forwarded header from anyone else is ignored, so
/// no client can choose its address. ASP.NET Core's ASPNETCORE_FORWARDEDHEADERS_ENABLED, which
/// believes every sender, is overruled the same way.
/// </summary>
internal static class ClientAddresses
{
    public static IServiceCollection AddClientAddresses(this IServiceCollection services)
    {
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section)
            .Validate(o => o.Proxies.All(p => IPAddress.TryParse(p, out _)), "CrisisComms:Http:KnownProxies must be IP addresses, such as 10.0.0.5.")
            .Validate(o => o.Networks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "CrisisComms:Http:KnownNetworks must be networks in CIDR form, such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<HttpOptions>>((o, http) =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in http.Value.Proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in http.Value.Networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            var trusted = o.KnownProxies.Count + o.KnownIPNetworks.Count > 0;
            // With no list at all the middleware would believe everyone: then it believes no one.
            o.ForwardedHeaders = trusted ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.ForwardLimit = null; // every hop is checked against the lists
        });
        return services;
    }
}
