using CrisisComms.Domain.Banners;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace CrisisComms.Server.Banners;

internal static class BannerEndpoints
{
    public const string EmbedPolicy = "embed";

    /// <summary>
    /// The widget is embedded on other sites (the CMS, the intranet). Banners are public or carried
    /// by bearer tokens, never cookies, so any origin may read them; the ETag must be visible to it.
    /// </summary>
    public static void ConfigureEmbedCors(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder policy) =>
        policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST").WithExposedHeaders(HeaderNames.ETag);

    public static IEndpointRouteBuilder MapBanners(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/banners", GetSnapshotAsync)
            .WithTags("Banners")
            .WithSummary("The live banners for one audience and mode")
            .WithDescription("Anonymous for audience=public (cacheable, ETag); a token with any role for audience=intranet.")
            .Produces<BannerSnapshot>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireCors(EmbedPolicy)
            .AllowAnonymous()
            .AddOpenApiOperationTransformer(OpenApiSecurity.TokenOptional);
        app.MapHub<BannerHub>("/hubs/banners").RequireCors(EmbedPolicy).AllowAnonymous();
        return app;
    }

    /// <summary>Refuses a bad query or an anonymous intranet client before the hub is reached.</summary>
    public static IApplicationBuilder UseBannerHubGate(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/hubs/banners"), branch => branch.Use(async (context, next) =>
        {
            if (await RefuseAsync(context) is { } refusal) await refusal.ExecuteAsync(context);
            else await next(context);
        }));

    // Hand-written rather than typed results: this is the hot path of a crisis, so it copies the
    // pre-serialised bytes and answers 304 without touching JSON at all.
    private static async Task GetSnapshotAsync(HttpContext context, BannerFeed feed)
    {
        if (await RefuseAsync(context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        var query = BannerQuery.Parse(context.Request.Query, out _)!.Value;
        var cached = await feed.GetAsync(query, context.RequestAborted);
        var headers = context.Response.Headers;
        headers.ETag = cached.ETag;
        headers.CacheControl = query.Audience == BannerAudience.Public ? "public, max-age=5" : "private, no-store";
        if (query.Audience == BannerAudience.Intranet) headers.Vary = HeaderNames.Authorization;
        if (context.Request.Headers.IfNoneMatch.Contains(cached.ETag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = cached.Json.Length;
        await context.Response.Body.WriteAsync(cached.Json, context.RequestAborted);
    }

    private static async Task<IResult?> RefuseAsync(HttpContext context)
    {
        var query = BannerQuery.Parse(context.Request.Query, out var error);
        if (error is { } e)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        if (query!.Value.Audience != BannerAudience.Intranet) return null;
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (context.User.Identity?.IsAuthenticated != true)
            return TypedResults.Problem(statusCode: 401, title: "The intranet banners need a sign-in token.");
        var allowed = await authorization.AuthorizeAsync(context.User, AuthPolicies.Staff);
        return allowed.Succeeded ? null : TypedResults.Problem(statusCode: 403, title: "The token carries no CrisisComms role.");
    }
}
