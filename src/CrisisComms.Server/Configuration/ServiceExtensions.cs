using CrisisComms.Server.Accounts;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Audit;
using CrisisComms.Server.Banners;
using CrisisComms.Server.Benchmarks;
using CrisisComms.Server.Channels;
using CrisisComms.Server.Feeds;
using CrisisComms.Server.Health;
using CrisisComms.Server.Http;
using CrisisComms.Server.Metrics;
using CrisisComms.Server.Import;
using CrisisComms.Server.Notices;
using CrisisComms.Server.Records;
using CrisisComms.Server.Organisation;
using Microsoft.AspNetCore.Rewrite;
using CrisisComms.Social;
using Serilog;

namespace CrisisComms.Server.Configuration;

internal static class ServiceExtensions
{
    public static WebApplicationBuilder AddCrisisComms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.UseDefaultUrl();
        services.AddSingleton(TimeProvider.System);
        services.AddCrisisLogging(configuration);
        services.AddCrisisCommsOptions();
        services.AddCrisisStorage(configuration);
        services.AddCrisisAuth(configuration);
        services.AddClientAddresses();
        services.AddSingleton<AccountService>();
        services.AddOrganisation();
        services.AddCrisisDispatch(configuration);
        services.AddCrisisRetention(configuration);
        services.AddCrisisHealth();
        services.AddCrisisMetrics(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddOpenApi(OpenApiSecurity.Configure);
        services.AddCors(o => o.AddPolicy(BannerEndpoints.EmbedPolicy, BannerEndpoints.ConfigureEmbedCors));
        services.AddSingleton<BannerFeed>();
        services.AddHostedService<BannerFeedRefresher>();
        services.AddCrisisFeeds();
        services.AddCrisisRecords();
        services.AddVmaImport(configuration, HealthExtensions.Ready);
        services.AddHostedService<FirstStartNotice>();
        services.AddSocialChannels(configuration);
        services.AddSingleton<ChannelDirectory>();
        services.AddScoped<NoticeService>();
        services.AddSingleton<IdempotentCreation>();
        services.AddSingleton<NoticeChanges>();
        services.AddScoped<NoticePreviews>();
        services.AddCrisisBenchmarks(configuration);
        return builder;
    }

    public static WebApplication MapCrisisComms(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Before request logging: a scrape every 15 s is not worth a log line.
        app.UseCrisisMetrics();
        // Request logging wraps the exception handler, so a request it turns into a 503 is logged as a 503.
        app.UseSerilogRequestLogging(RequestLogging.Configure);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRewriter(new RewriteOptions()
            .AddRewrite("^demo/(intranet|public)$", "demo/$1.html", skipRemainingRules: true)
            .AddRedirect("^console$", "console/"));
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseSecondFactorGate();
        app.UseBannerHubGate();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapCrisisHealth();
        app.MapAuth();
        app.MapSecondFactor();
        app.MapNotices();
        app.MapBanners();
        app.MapFeeds();
        app.MapRecords();
        app.MapAudit();
        app.MapChannels();
        app.MapAccounts();
        app.MapOrganisation();
        app.MapCrisisBenchmarks();
        return app;
    }
}
