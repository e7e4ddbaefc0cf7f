using OtpNet;

namespace CrisisComms.Testing.Client;

/// <summary>The officer's phone: RFC 6238 codes from the secret the enrolment showed.</summary>
public static class Authenticator
{
    private const int Step = 30;

    /// <summary>The code of this step, or of one <paramref name="steps"/> away (the server accepts one either side).</summary>
    public static string Code(string secret, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(Step * steps));

    /// <summary>The number of the step now: a test that has to cross steps names them.</summary>
    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Step;

    public static string CodeOfStep(string secret, long step) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * Step).UtcDateTime);

    /// <summary>
    /// Waits for the next step to begin when fewer than <paramref name="needed"/> are left of this one,
    /// so a test that uses the codes of the steps around "now" is not cut by a turn of the clock.
    /// </summary>
    public static async Task StartOfAStepAsync(TimeSpan needed)
    {
        var now = DateTimeOffset.UtcNow;
        var left = TimeSpan.FromSeconds(Step) - TimeSpan.FromMilliseconds(now.ToUnixTimeMilliseconds() % (Step * 1000));
        if (left < needed) await Task.Delay(left + TimeSpan.FromMilliseconds(200));
    }
}
