using System.Reflection;

namespace CrisisComms.Storage.Redis;

/// <summary>The Lua scripts, each with the shared prelude in front (Lua in Redis has no includes).</summary>
internal static class RedisScripts
{
    public static readonly string Save = Load("Save");
    public static readonly string ListNotices = Load("ListNotices");
    public static readonly string ListDue = Load("ListDue");
    public static readonly string ListBannerCandidates = Load("ListBannerCandidates");
    public static readonly string ListIncidentCandidates = Load("ListIncidentCandidates");
    public static readonly string ListAudit = Load("ListAudit");
    public static readonly string ReadAuditChain = Load("ReadAuditChain");
    public static readonly string ChainUnhashedLog = Load("ChainUnhashedLog");

    private static string Load(string name) => Read("Prelude") + Read(name);

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Scripts.{name}.lua")
            ?? throw new InvalidOperationException($"The script {name}.lua is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
