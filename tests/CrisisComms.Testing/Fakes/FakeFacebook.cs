using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// The Graph API of one Facebook Page on loopback, under <c>/v23.0</c>: <c>POST /{page-id}/feed</c>,
/// <c>GET /{page-id}/feed</c> and <c>DELETE /{post-id}</c>. Every call must carry the Page access token as
/// <c>access_token</c> (form or query); errors come as the Graph API's <c>{"error":{"code":…}}</c>. Like
/// Facebook, it refuses a message already on the Page (error 506).
/// </summary>
public sealed class FakeFacebook : FakeSocialServer
{
    public const string SamplePageId = "104857600000001";
    public const string SampleToken = "fake-page-TOKEN-e51b07";

    private FakeFacebook(string pageId, string pageAccessToken) => (PageId, PageAccessToken) = (pageId, pageAccessToken);

    public string PageId { get; }

    public string PageAccessToken { get; }

    public static async Task<FakeFacebook> StartAsync(string pageId = SamplePageId, string pageAccessToken = SampleToken)
    {
        var fake = new FakeFacebook(pageId, pageAccessToken);
        await fake.ListenAsync("/v23.0");
        return fake;
    }

    public IEnumerable<KeyValuePair<string, string?>> Configuration() =>
    [
        new("CrisisComms:Social:Facebook:BaseUrl", BaseUrl.ToString().TrimEnd('/')),
        new("CrisisComms:Social:Facebook:PageId", PageId),
        new("CrisisComms:Social:Facebook:PageAccessToken", PageAccessToken),
    ];

    protected override void Map(WebApplication app)
    {
        var graph = app.MapGroup("/v23.0");
        graph.MapPost("/{pageId}/feed", PostAsync);
        graph.MapGet("/{pageId}/feed", FeedAsync);
        graph.MapDelete("/{postId}", DeleteAsync);
    }

    private async Task PostAsync(HttpContext context, string pageId)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
        if (await Refused(context, TokenIn(context, form) != PageAccessToken ? new FakeFault.TokenExpired() : null)) return;
        if (pageId != PageId)
        {
            await Error(context, 400, 100, "(#100) Unknown page");
            return;
        }
        var message = form["message"].ToString();
        var fault = TakeFault();
        if (await Refused(context, fault)) return;
        if (fault is FakeFault.Duplicate || LivePosts().Any(p => p.Text == message))
        {
            await Error(context, 400, 506, "(#506) Duplicate status message");
            return;
        }
        var post = Record(n => new FakePost($"{PageId}_{9_000_000 + n}", message, Link: form["link"].ToString()));
        if (fault is FakeFault.SlowAfterAccepting slow) await DelayAsync(context, slow.Delay);
        await context.Response.WriteAsJsonAsync(new { id = post.Id });
    }

    private async Task FeedAsync(HttpContext context, string pageId)
    {
        if (await Refused(context, TokenIn(context, null) != PageAccessToken ? new FakeFault.TokenExpired() : null)) return;
        await context.Response.WriteAsJsonAsync(new
        {
            data = LivePosts().Take(25).Select(p => new { id = p.Id, message = p.Text, created_time = "2026-01-01T00:00:00+0000" }),
        });
    }

    private async Task DeleteAsync(HttpContext context, string postId)
    {
        if (await Refused(context, TokenIn(context, null) != PageAccessToken ? new FakeFault.TokenExpired() : TakeFault())) return;
        if (!RecordDelete(postId))
        {
            await Error(context, 400, 100, $"(#100) Unsupported delete request. Object with ID '{postId}' does not exist", subcode: 33);
            return;
        }
        await context.Response.WriteAsJsonAsync(new { success = true });
    }

    private static string? TokenIn(HttpContext context, IFormCollection? form) =>
        form?["access_token"].ToString() is { Length: > 0 } inForm ? inForm : context.Request.Query["access_token"].ToString();

    private static async Task<bool> Refused(HttpContext context, FakeFault? fault)
    {
        switch (fault)
        {
            case FakeFault.Unavailable:
                await Error(context, 503, 2, "An unexpected error has occurred. Please retry your request later.");
                return true;
            case FakeFault.RateLimited limited:
                context.Response.Headers.RetryAfter = limited.ResetAt.ToString("R", CultureInfo.InvariantCulture);
                await Error(context, 400, 32, "(#32) Page request limit reached");
                return true;
            case FakeFault.TokenExpired:
                await Error(context, 400, 190, "Error validating access token: Session has expired.", subcode: 463);
                return true;
            case FakeFault.Forbidden:
                await Error(context, 400, 368, "The action attempted has been deemed abusive or is otherwise disallowed");
                return true;
            default:
                return false;
        }
    }

    private static Task Error(HttpContext context, int status, int code, string message, int? subcode = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new
        {
            error = new { message, type = code == 190 ? "OAuthException" : "GraphMethodException", code, error_subcode = subcode, fbtrace_id = "AFakeTrace" },
        });
    }
}
