using System.Security.Cryptography;
using System.Text;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Server.Auth;

/// <summary>
/// The built-in issuer's HS256 key: the configured one, or one generated on first start and kept in
/// the data folder (readable by the service account only), so tokens survive a restart.
/// </summary>
internal sealed class SigningKey
{
    public SigningKey(IOptions<AuthOptions> auth, IOptions<StorageOptions> storage)
    {
        var configured = auth.Value.SigningKey;
        var text = string.IsNullOrWhiteSpace(configured) ? LoadOrCreate(storage.Value.DataFolder) : configured;
        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(text)) { KeyId = KeyIdOf(text) };
    }

    public SymmetricSecurityKey Key { get; }

    private static string LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, "signing-key");
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(path, options))
        using (var writer = new StreamWriter(file)) writer.Write(key);
        return key;
    }

    // A key id lets a rotation be told apart in tokens without revealing anything of the key.
    private static string KeyIdOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
