namespace CrisisComms.LoadGen.Clients;

/// <summary>
/// The part of a banner snapshot the generator reads: its revision and the banners' ids. Content is
/// skipped by the parser, for the real snapshot and the baseline's padded one alike.
/// </summary>
internal sealed class SnapshotMessage
{
    public long Revision { get; set; }
    public List<BannerRef> Banners { get; set; } = [];
}

internal sealed class BannerRef
{
    public string Id { get; set; } = "";
}

/// <summary>Which hub the clients connect to.</summary>
internal enum HubKind { Crisis, Bare, Backplane }

internal static class HubPaths
{
    public static Uri For(Uri server, HubKind hub, bool intranet)
    {
        var path = hub switch
        {
            HubKind.Crisis => "/hubs/banners",
            HubKind.Bare => "/benchmarks/hubs/baseline",
            _ => "/benchmarks/hubs/baseline-backplane",
        };
        return new Uri(server, $"{path}?audience={(intranet ? "intranet" : "public")}");
    }
}
