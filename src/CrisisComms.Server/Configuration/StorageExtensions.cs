using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Backups;
using CrisisComms.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Configuration;

internal static class StorageExtensions
{
    public static IServiceCollection AddCrisisStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.IsRedis) return services.AddRedisStorage(configuration);

        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath));
        services.AddSingleton<INoticeStore, SqliteNoticeStore>();
        services.AddSingleton<IAccountStore, SqliteAccountStore>();
        services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        services.AddHostedService<StoreInUse>();
        return services;
    }
}
