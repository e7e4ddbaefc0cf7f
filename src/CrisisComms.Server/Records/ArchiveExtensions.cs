using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Feeds;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Records;

internal static class ArchiveExtensions
{
    public static IServiceCollection AddCrisisRecords(this IServiceCollection services)
    {
        // The constructor is internal (it takes the feeds' CAP writer), so the container is handed a factory.
        services.AddSingleton(sp => new IncidentArchive(
            sp.GetRequiredService<INoticeStore>(), sp.GetRequiredService<CapReader>(), sp.GetRequiredService<IOptions<SiteOptions>>()));
        return services;
    }
}
