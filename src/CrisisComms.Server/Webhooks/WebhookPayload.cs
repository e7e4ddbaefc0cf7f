using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Webhooks;

/// <summary>What a webhook delivery says on the wire.</summary>
public sealed record WebhookMessage(string Event, string Webhook, string Audience, DateTimeOffset At, Banner Banner);

/// <summary>
/// The body of one delivery, built from the stage and the notice alone so that every retry of it
/// sends the same bytes: the banner as JSON, or a Teams Adaptive Card.
/// </summary>
internal static class WebhookPayload
{
    public static byte[] For(Notice notice, Stage stage, string format)
    {
        var publishedAt = notice.StageNamed(stage.After ?? Stage.Intranet)?.DoneAt ?? notice.ApprovedAt ?? notice.CreatedAt;
        var at = stage.Event is WebhookEvents.Published or WebhookEvents.Updated ? publishedAt : stage.DueAt ?? publishedAt;
        var banner = BannerSelector.ToBanner(notice, publishedAt);
        var audience = stage.After == Stage.Public ? "public" : "intranet";
        return format == "teams"
            ? JsonSerializer.SerializeToUtf8Bytes(TeamsCard(banner, notice.Draft.Primary, stage.Event!), ApiJson.Options)
            : JsonSerializer.SerializeToUtf8Bytes(new WebhookMessage(stage.Event!, stage.Webhook!, audience, at, banner), ApiJson.Options);
    }

    /// <summary>
    /// The body Teams Workflows' "When a Teams webhook request is received" takes: a message with one
    /// Adaptive Card (1.4) attachment, coloured by severity, with the headline, the lead and the link.
    /// </summary>
    private static JsonObject TeamsCard(Banner banner, NoticeContent content, string @event)
    {
        var (style, colour) = banner.Severity switch
        {
            Severity.Critical => ("attention", "Attention"),
            Severity.Warning => ("warning", "Warning"),
            _ => ("accent", "Accent"),
        };
        var prefix = @event switch
        {
            WebhookEvents.Withdrawn => "TILLBAKADRAGET: ",
            WebhookEvents.Ended => "AVSLUTAT: ",
            WebhookEvents.Updated => banner.Kind == NoticeKind.AllClear ? "FARAN ÖVER: " : "UPPDATERING: ",
            _ => "",
        };
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = style,
                ["bleed"] = true,
                ["items"] = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = prefix + content.Headline, ["weight"] = "Bolder", ["size"] = "Large", ["color"] = colour, ["wrap"] = true },
                },
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = content.Lead, ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = banner.Sender, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true },
        };
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (!string.IsNullOrEmpty(banner.Link))
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Läs mer", ["url"] = banner.Link } };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }
}
