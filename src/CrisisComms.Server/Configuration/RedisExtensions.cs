namespace CrisisComms.Server.Configuration;

internal static class RedisExtensions
{
    public static IServiceCollection AddRedisStorage(this IServiceCollection services) =>
        throw new NotSupportedException("The Redis store is not wired into the host yet.");
}
