using System.Security.Cryptography;
using System.Text;
using OtpNet;
using QRCoder;

namespace CrisisComms.Server.Auth;

/// <summary>
/// The arithmetic of the second factor: RFC 6238 codes (30 s, 6 digits, SHA-1, what every
/// authenticator app speaks), the otpauth:// URI and its QR image, and the recovery codes.
/// </summary>
internal static class SecondFactorCodes
{
    public const string Issuer = "CrisisComms";
    public const int RecoveryCodeCount = 10;
    private const int Step = 30;

    // One step either side: a phone a little off, or a code typed just as it turned over.
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    // No 0/o, 1/l/i: a recovery code is read off paper.
    private const string RecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static bool LooksLikeTotp(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>The time step the code belongs to, or null when it matches none in the window.</summary>
    public static long? MatchStep(string secret, string code, DateTimeOffset now) =>
        LooksLikeTotp(code) && new Totp(Base32Encoding.ToBytes(secret), Step, OtpHashMode.Sha1, 6)
            .VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;

    public static string OtpauthUri(string account, string secret)
    {
        var label = Uri.EscapeDataString($"{Issuer}:{account}");
        return $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period={Step}";
    }

    /// <summary>A PNG data URI, drawn here so the console needs no QR library.</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    public static string[] NewRecoveryCodes() => Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
    {
        var chars = RandomNumberGenerator.GetItems<char>(RecoveryAlphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }).ToArray();

    /// <summary>Recovery codes are random, so one fast hash is enough; spaces, dashes and case do not count.</summary>
    public static string HashRecoveryCode(string code)
    {
        var normal = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }
}
