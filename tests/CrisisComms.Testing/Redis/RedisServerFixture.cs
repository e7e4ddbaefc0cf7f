using Xunit;

namespace CrisisComms.Testing.Redis;

/// <summary>
/// One redis-server shared by the tests of a class (<c>IClassFixture&lt;RedisServerFixture&gt;</c>)
/// or of a collection. For a collection, declare it in the test project itself, since xunit only
/// finds collection definitions in the test assembly:
/// <c>[CollectionDefinition("Redis")] public sealed class RedisCollection : ICollectionFixture&lt;RedisServerFixture&gt;;</c>
/// Tests share the server, so each should use its own key prefix.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture is not started.");

    public async Task InitializeAsync() => _server = await RedisServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
