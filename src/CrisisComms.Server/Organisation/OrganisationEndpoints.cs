using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Organisation;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Organisation;

/// <summary>The organisation's settings and the crisis templates: officers read them, admins change them.</summary>
internal static class OrganisationEndpoints
{
    /// <summary>Authors compose from them; an admin reads what they are about to change.</summary>
    public const string ReadersPolicy = "organisationReader";

    public static void AddReadersPolicy(AuthorizationBuilder builder) =>
        builder.AddPolicy(ReadersPolicy, p => p.RequireRole([.. Roles.Authors, .. Roles.Admins]));

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapGroup("/api/v1/organisation").WithTags("Organisation");
        organisation.MapGet("/", async Task<Ok<OrganisationResponse>> (OrganisationService s, IOptions<SiteOptions> site, CancellationToken ct) =>
                TypedResults.Ok(OrganisationResponse.Of(await s.GetAsync(ct), site.Value.Domain)))
            .WithSummary("The organisation's name, the compose form's default sender, its languages (sv first) and crisis page")
            .RequireAuthorization(ReadersPolicy);
        organisation.MapPut("/", async Task<Ok<OrganisationResponse>> (HttpContext c, OrganisationService s, IOptions<SiteOptions> site) =>
            {
                var input = await JsonBody.ReadAsync<OrganisationInput>(c.Request, c.RequestAborted);
                return TypedResults.Ok(OrganisationResponse.Of(await s.SaveAsync(input, c.User.ToActor(), c.RequestAborted), site.Value.Domain));
            })
            .WithSummary("Change the organisation's settings (audited)")
            .Accepts<OrganisationInput>("application/json").ProducesValidationProblem()
            .RequireAuthorization(AuthPolicies.Admin);

        var templates = app.MapGroup("/api/v1/templates").WithTags("Templates");
        templates.MapGet("/", async Task<Ok<TemplateResponse[]>> (OrganisationService s, CancellationToken ct) =>
                TypedResults.Ok((await s.ListTemplatesAsync(ct)).Select(TemplateResponse.Of).ToArray()))
            .WithSummary("The crisis templates the compose form offers, by id")
            .RequireAuthorization(ReadersPolicy);
        templates.MapGet("/{id}", async Task<Ok<TemplateResponse>> (string id, OrganisationService s, CancellationToken ct) =>
                TypedResults.Ok(TemplateResponse.Of(await s.GetTemplateAsync(id, ct))))
            .WithSummary("One template").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ReadersPolicy);
        templates.MapPost("/", async Task<Created<TemplateResponse>> (HttpContext c, OrganisationService s) =>
            {
                var input = await JsonBody.ReadAsync<TemplateInput>(c.Request, c.RequestAborted);
                var template = await s.CreateTemplateAsync(input, c.User.ToActor(), c.RequestAborted);
                return TypedResults.Created($"/api/v1/templates/{template.Id}", TemplateResponse.Of(template));
            })
            .WithSummary("Add a template (audited); its id is given in the body")
            .Accepts<TemplateInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AuthPolicies.Admin);
        templates.MapPut("/{id}", async Task<Ok<TemplateResponse>> (string id, HttpContext c, OrganisationService s) =>
            {
                var input = await JsonBody.ReadAsync<TemplateInput>(c.Request, c.RequestAborted);
                return TypedResults.Ok(TemplateResponse.Of(await s.SaveTemplateAsync(id, input, c.User.ToActor(), c.RequestAborted)));
            })
            .WithSummary("Replace a template (audited)")
            .Accepts<TemplateInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AuthPolicies.Admin);
        templates.MapDelete("/{id}", async Task<NoContent> (string id, HttpContext c, OrganisationService s) =>
            {
                await s.DeleteTemplateAsync(id, c.User.ToActor(), c.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a template (audited); notices composed from it are not changed")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AuthPolicies.Admin);
        return app;
    }
}
