using System.Security.Claims;

namespace CrisisComms.Server.Auth;

/// <summary>
/// A token for enrolment only (a first sign-in of an account that must have a second factor and
/// has none) opens the enrolment endpoints and nothing else: every other API and hub answers 403.
/// </summary>
internal static class SecondFactorGate
{
    public const string EnrolmentScope = "enrol";
    public const string EnrolmentPath = "/api/v1/auth/second-factor";
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);

    public const string RequiredType = "urn:crisiscomms:problem:second-factor-required";
    public const string WrongCodeType = "urn:crisiscomms:problem:second-factor-wrong-code";
    public const string EnrolmentRequiredType = "urn:crisiscomms:problem:second-factor-enrolment-required";

    public static bool IsEnrolmentOnly(ClaimsPrincipal user) => user.HasClaim("scope", EnrolmentScope);

    public static IApplicationBuilder UseSecondFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsEnrolmentOnly(context.User) && !context.Request.Path.StartsWithSegments(EnrolmentPath))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: EnrolmentRequiredType,
                title: "Enrol a second factor first: this sign-in allows nothing else.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
