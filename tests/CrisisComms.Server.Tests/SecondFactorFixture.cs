using System.Net;
using System.Net.Http.Json;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>A server of its own where the second factor is compulsory, as it is by default.</summary>
public sealed class SecondFactorFixture : IAsyncLifetime
{
    public const string Password = CrisisServerFixture.Password;

    public ServerProcess Server { get; private set; } = null!;
    public Uri Address => Server.BaseAddress;

    public async Task InitializeAsync() =>
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Auth:RequireSecondFactor"] = "true" });

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    public Task<ApiResponse> SignInAsync(string name, string password = Password, string? code = null) =>
        PostAsync("/api/v1/auth/token", new { username = name, password, code });

    public async Task<ApiResponse> PostAsync(string path, object? body, string? token = null)
    {
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await ApiResponse.ReadAsync(await http.SendAsync(request));
    }

    /// <summary>
    /// A new account with the role, enrolled the way the console does it: password, enrolment, the
    /// previous step's code to confirm (so this step's and the next are still unused for the test).
    /// </summary>
    public async Task<Enrolled> AddEnrolledAsync(string name, string role)
    {
        await Server.AddAccountAsync(name, Password, role);
        await Authenticator.StartOfAStepAsync(TimeSpan.FromSeconds(12));
        var first = (await SignInAsync(name)).ShouldBe(HttpStatusCode.OK);
        var token = first.Json!["accessToken"]!.GetValue<string>();
        var enrolment = (await PostAsync("/api/v1/auth/second-factor/enrolment", null, token)).ShouldBe(HttpStatusCode.OK);
        var secret = enrolment.Json!["secret"]!.GetValue<string>();
        var confirmedStep = Authenticator.StepNow() - 1;
        var confirmed = (await PostAsync("/api/v1/auth/second-factor/confirm", new { code = Authenticator.CodeOfStep(secret, confirmedStep) }, token))
            .ShouldBe(HttpStatusCode.OK);
        var codes = confirmed.Json!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        return new Enrolled(name, secret, confirmedStep, codes, confirmed.Json!["accessToken"]!.GetValue<string>(), enrolment);
    }
}

/// <summary>An enrolled account; <see cref="Code"/> counts steps from the one its enrolment used, so a turn of the clock mid-test changes nothing.</summary>
public sealed record Enrolled(string Name, string Secret, long ConfirmedStep, IReadOnlyList<string> RecoveryCodes, string Token, ApiResponse Enrolment)
{
    public string Code(int stepsAfterEnrolment) => Authenticator.CodeOfStep(Secret, ConfirmedStep + stepsAfterEnrolment);
}
