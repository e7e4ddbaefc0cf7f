using CrisisComms.Testing.Client;
using CrisisComms.Testing.Redis;
using CrisisComms.Testing.Server;

namespace CrisisComms.ScaleOut.Tests.Support;

/// <summary>
/// A real redis-server and real service nodes on it, as in production behind a load balancer:
/// every node has its own data folder and port, all share the Redis, its key prefix and the signing
/// key. Accounts are added once through the real <c>users add</c> command; Redis holds them for all.
/// </summary>
public abstract class Cluster : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    /// <summary>How long anything that involves a node or Redis noticing the other may take.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    // With Redis every node must sign tokens alike, so a token from node A works on node B.
    private const string SigningKey = "scale-out-tests-signing-key-0123456789abcdef";

    private readonly List<Node> _nodes = [];

    protected abstract int NodeCount { get; }

    public virtual TimeSpan IntranetLead => TimeSpan.FromSeconds(2);

    public RedisServer Redis { get; private set; } = null!;
    public IReadOnlyList<Node> Nodes => _nodes;
    public Node A => _nodes[0];
    public Node B => _nodes[1];

    /// <summary>anna (author) and bosse (approver) signed in on node A.</summary>
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Storage:Provider"] = "Redis",
            ["CrisisComms:Redis:Configuration"] = Redis.ClientConfiguration,
            ["CrisisComms:Redis:KeyPrefix"] = $"{GetType().Name}:{Guid.NewGuid():N}:",
            ["CrisisComms:Auth:SigningKey"] = SigningKey,
            ["CrisisComms:Dispatch:IntranetLead"] = IntranetLead.ToString(),
            ["CrisisComms:Dispatch:SweepInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in await MoreSettingsAsync()) settings[key] = value;
        var processes = await Task.WhenAll(Enumerable.Range(0, NodeCount).Select(_ => ServerProcess.StartAsync(settings)));
        _nodes.AddRange(processes.Select((p, i) => new Node(((char)('A' + i)).ToString(), p)));
        await Task.WhenAll(A.Process.AddAccountAsync("anna", Password, "author"), A.Process.AddAccountAsync("bosse", Password, "approver"));
        await Task.WhenAll(_nodes.Select(n => n.WaitForReadinessAsync(System.Net.HttpStatusCode.OK)));
        (Author, Approver) = (await A.SignInAsync("anna"), await A.SignInAsync("bosse"));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }

    /// <summary>Settings every node starts with besides the cluster's own (e.g. a fake's address).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>The tail of every node's log, to explain a failed wait.</summary>
    public string Logs() => string.Join('\n', _nodes.Select(n => n.LogTail()));

    /// <summary>Awaits <paramref name="wait"/>; a timeout carries the nodes' logs.</summary>
    public async Task<T> Explain<T>(Task<T> wait)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Logs()}", e);
        }
    }
}
