using CrisisComms.Server.Banners;
using Microsoft.Net.Http.Headers;

namespace CrisisComms.Server.Feeds;

internal static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cap/{identifier}.xml", GetCapAsync)
            .WithTags("Feeds")
            .WithSummary("One CAP 1.2 message")
            .WithDescription("Anonymous. Every version of a public notice once its public stage has run, and its withdrawal; " +
                "404 before that and for staff notices. An issued message never changes.")
            .Produces(StatusCodes.Status200OK, contentType: CapDocument.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireCors(BannerEndpoints.EmbedPolicy)
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> GetCapAsync(string identifier, CapReader reader, HttpContext context)
    {
        if (await reader.FindAsync(identifier, context.RequestAborted) is not { } message)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No CAP message has this identifier (yet).");
        // Issued once and never changed: caches may keep it.
        context.Response.Headers.CacheControl = "public, max-age=300";
        context.Response.Headers[HeaderNames.ETag] = $"\"{message.Identifier}\"";
        return TypedResults.Bytes(reader.Render(message), CapDocument.MediaType);
    }
}
