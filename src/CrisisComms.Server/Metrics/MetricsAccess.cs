using System.Net;

namespace CrisisComms.Server.Metrics;

/// <summary>CrisisComms:Metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "CrisisComms:Metrics";

    /// <summary>
    /// Networks (CIDR, such as 10.0.0.0/8, separated by commas or spaces) besides loopback whose
    /// callers may read /metrics: the Prometheus server's. None by default.
    /// </summary>
    public string? AllowFrom { get; set; }

    internal IEnumerable<string> Networks => (AllowFrom ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Who may read /metrics: loopback callers, and callers from the configured networks. The address
/// is the client's as the forwarded-header rules decide it, so a request relayed by a trusted proxy
/// counts as the client's, not the proxy's.
/// </summary>
internal sealed class MetricsAccess
{
    private readonly IPNetwork[] _allowed;

    public MetricsAccess(MetricsOptions options) =>
        _allowed = [.. options.Networks.Select(n => IPNetwork.Parse(n))];

    public static bool IsValid(MetricsOptions options) => options.Networks.All(n => IPNetwork.TryParse(n, out _));

    public bool Allows(IPAddress? caller)
    {
        if (caller is null) return false;
        if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
        return IPAddress.IsLoopback(caller) || _allowed.Any(n => n.Contains(caller));
    }
}
