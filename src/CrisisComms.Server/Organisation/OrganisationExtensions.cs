namespace CrisisComms.Server.Organisation;

internal static class OrganisationExtensions
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddOptions<OrganisationOptions>().BindConfiguration(OrganisationOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && o.Name.Trim().Length <= Domain.Organisation.OrganisationValidator.NameMax,
                $"{OrganisationOptions.Section}:Name must be the organisation's name, at most {Domain.Organisation.OrganisationValidator.NameMax} characters.")
            .Validate(o => o.SenderOrDefault.Trim().Length <= Domain.Validation.NoticeRules.SenderMax,
                $"{OrganisationOptions.Section}:DefaultSender must be at most {Domain.Validation.NoticeRules.SenderMax} characters.")
            .ValidateOnStart();
        OrganisationEndpoints.AddReadersPolicy(services.AddAuthorizationBuilder());
        services.AddSingleton<OrganisationService>();
        services.AddHostedService<OrganisationSeeding>();
        return services;
    }
}

/// <summary>Seeds the organisation and its templates at start; if the store is away then, the first read does it.</summary>
internal sealed class OrganisationSeeding(OrganisationService organisation, ILogger<OrganisationSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await organisation.EnsureSeededAsync(ct);
        }
        catch (Domain.Storage.StoreUnavailableException e)
        {
            logger.LogWarning("Could not seed the organisation's settings and templates now; the first read will: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
