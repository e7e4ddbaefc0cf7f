using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// The keys read directly from C#. The Lua scripts build the same names from the same prefix
/// (Scripts/Prelude.lua); README.md lists the whole layout.
/// </summary>
internal sealed class RedisKeys
{
    /// <summary>Every key of a deployment starts with its prefix, so several can share one Redis.</summary>
    public const string DefaultPrefix = "crisiscomms:";

    public RedisKeys(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Prefix = prefix;
    }

    public string Prefix { get; }

    public RedisKey Notice(string id) => Prefix + "notice:" + id;
    public RedisKey Due => Prefix + "notices:due";
    public RedisKey BannerCandidates => Prefix + "notices:banner";
    public RedisKey Ended => Prefix + "notices:ended";
    public RedisKey CandidateRule => Prefix + "notices:banner:rule";
    public RedisKey BannerRevision => Prefix + "banner:revision";
    public RedisKey Accounts => Prefix + "accounts";
    public RedisKey AuditSeq => Prefix + "audit:seq";
    public RedisKey AuditHash => Prefix + "audit:hash";
    public RedisKey Documents(string kind) => Prefix + "documents:" + kind;
    public RedisKey DocumentRevisions(string kind) => Prefix + "documents:" + kind + ":revision";
}
