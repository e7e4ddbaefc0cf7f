using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Validation;
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
        app.MapGet("/feeds/alerts.atom", (HttpContext c, AlertFeed feed) => GetFeedAsync(c, feed, FeedFormat.Atom))
            .WithTags("Feeds")
            .WithSummary("The alert feed, Atom 1.0")
            .WithDescription(FeedDescription)
            .Produces(StatusCodes.Status200OK, contentType: FeedWriter.AtomMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .RequireCors(BannerEndpoints.EmbedPolicy)
            .AllowAnonymous();
        app.MapGet("/feeds/alerts.rss", (HttpContext c, AlertFeed feed) => GetFeedAsync(c, feed, FeedFormat.Rss))
            .WithTags("Feeds")
            .WithSummary("The alert feed, RSS 2.0")
            .WithDescription(FeedDescription)
            .Produces(StatusCodes.Status200OK, contentType: FeedWriter.RssMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .RequireCors(BannerEndpoints.EmbedPolicy)
            .AllowAnonymous();
        return app;
    }

    private const string FeedDescription =
        "Anonymous. One entry per CAP message: the public notices shown now, and the cancels and all-clears of the last 24 hours, " +
        "newest first. ?lang= picks the language of titles and summaries (Swedish where a notice has no such language); " +
        "?mode=exercise|test for those notices. ETag and If-None-Match (304), as for the banners.";

    private static async Task GetFeedAsync(HttpContext context, AlertFeed feed, FeedFormat format)
    {
        var query = context.Request.Query;
        NoticeMode? mode = query["mode"].ToString() switch
        {
            "" or "actual" => NoticeMode.Actual,
            "exercise" => NoticeMode.Exercise,
            "test" => NoticeMode.Test,
            _ => null,
        };
        var lang = query["lang"].ToString() is { Length: > 0 } l ? l : NoticeDraft.LanguageOfRecord;
        if (mode is null || !NoticeValidator.IsKnownLanguageTag(lang))
        {
            var errors = new Dictionary<string, string[]>();
            if (mode is null) errors["mode"] = ["Must be actual, exercise or test."];
            if (!NoticeValidator.IsKnownLanguageTag(lang)) errors["lang"] = ["Must be a BCP 47 language tag, such as sv, en or sv-x-easy."];
            await TypedResults.ValidationProblem(errors).ExecuteAsync(context);
            return;
        }
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var cached = await feed.GetAsync(format, mode.Value, lang, baseUrl, context.RequestAborted);
        var headers = context.Response.Headers;
        headers.ETag = cached.ETag;
        headers.CacheControl = "public, max-age=5";
        if (context.Request.Headers.IfNoneMatch.Contains(cached.ETag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = $"{(format == FeedFormat.Atom ? FeedWriter.AtomMediaType : FeedWriter.RssMediaType)}; charset=utf-8";
        context.Response.ContentLength = cached.Bytes.Length;
        await context.Response.Body.WriteAsync(cached.Bytes, context.RequestAborted);
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
