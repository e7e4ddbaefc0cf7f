using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CrisisComms.Server.Http;

/// <summary>
/// Says in the OpenAPI document which operations need a bearer token and which policy decides,
/// so a client generated from it sends the token, and an integrator reads who may call what.
/// </summary>
internal static class OpenApiSecurity
{
    private const string SchemeName = "bearer";

    /// <summary>For an endpoint that answers without a token but needs one for some of its queries.</summary>
    public static Task TokenOptional(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        operation.Security = [new OpenApiSecurityRequirement(), Bearer(context.Document)];
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Bearer(OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /api/v1/auth/token, or an access token of the configured OIDC authority. Roles come from its role or roles claim.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return;
            operation.Security ??= [];
            operation.Security.Add(Bearer(context.Document));
            // The roles are read from the policies themselves, so the document cannot drift from them.
            var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
            var roles = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct())
                if (await policies.GetPolicyAsync(name) is { } policy)
                    roles.UnionWith(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
            if (roles.Count == 0) return;
            var who = $"Needs a bearer token with one of the roles: {string.Join(", ", roles)}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + "\n\n" + who;
        });
    }
}
